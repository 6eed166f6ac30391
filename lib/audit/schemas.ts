import { z } from "zod";

const day = z.iso.date("Use a date such as 2026-11-23.").refine((d) => d >= "1900-01-01" && d <= "2200-12-31", {
  message: "Use a date between 1900 and 2200.",
});

/** Filters of the audit trail; `cursor` is the opaque position the previous page ended at. */
export const listAuditQuery = z.object({
  personId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  action: z
    .string()
    .max(60)
    .regex(/^[a-z_]+\.[a-z_]+$/, "Choose an event kind from the list.")
    .optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.uuid().optional(),
  /** First and last day to include, in the clinic's time zone. */
  from: day.optional(),
  to: day.optional(),
  cursor: z
    .string()
    .max(60)
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~\d{1,18}$/, "Start again from the newest events.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.output<typeof listAuditQuery>;

export const auditEventDto = z.object({
  id: z.uuid(),
  at: z.string(),
  action: z.string(),
  /** The event in plain words ("Appointment booked"). */
  label: z.string(),
  personName: z.string().nullable(),
  personEmail: z.string().nullable(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** A refused attempt: what was tried, in plain words. */
  note: z.string().nullable(),
  /** Fields that changed, in plain words (settings and record edits). */
  changedFields: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof auditEventDto>;

export const auditPageDto = z.object({
  items: z.array(auditEventDto),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type AuditPageDto = z.infer<typeof auditPageDto>;
