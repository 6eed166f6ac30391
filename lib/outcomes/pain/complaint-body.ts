import { z } from "zod";
import { isoDate as boundedDate } from "@/lib/http/primitives";

/**
 * A new complaint's body. Apart from schemas.ts, whose score schemas take their wording from the
 * NPRS instrument (rules/nprs.ts and the instrument definitions), so the staff client page's
 * complaint form checks it in the browser without that helper in its bundle (issue #16).
 */
export const createComplaintBody = z.object({
  title: z.string().trim().min(3, "Describe the complaint, e.g. “right-sided neck pain with headaches”.").max(200),
  regions: z.array(z.string().min(1).max(60)).max(40).default([]),
  onsetDate: boundedDate("Use a date such as 2026-11-23.").nullable().optional(),
});
