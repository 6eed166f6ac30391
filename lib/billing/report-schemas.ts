/** Report query schemas (apart from schemas.ts, which is at its size limit). Not server-only. */
import { z } from "zod";
import { isoDate } from "@/lib/http/primitives";

/** Reports: a day (default today in the clinic's zone) or a period (default this month so far). */
export const takingsQuery = z.object({ date: isoDate().optional() });
export const periodQuery = z
  .object({ from: isoDate().optional(), to: isoDate().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The period ends before it starts.", path: ["to"] });

/** A page of the unpaid ageing report: `after` is the position the previous page ended at (issue date ~ number). */
export const ageingQuery = z.object({
  after: z
    .string()
    .max(30)
    .regex(/^\d{4}-\d{2}-\d{2}~\d{1,9}$/, "Start again from the oldest unpaid invoice.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AgeingQuery = z.output<typeof ageingQuery>;
