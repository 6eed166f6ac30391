/** Report query schemas (apart from schemas.ts, which is at its size limit). Not server-only. */
import { z } from "zod";
import { isoDate } from "@/lib/http/primitives";

/** Reports: a day (default today in the clinic's zone) or a period (default this month so far). */
export const takingsQuery = z.object({ date: isoDate().optional() });
export const periodQuery = z
  .object({ from: isoDate().optional(), to: isoDate().optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "The period ends before it starts.", path: ["to"] });
