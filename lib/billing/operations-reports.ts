import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { ageingQuery, periodQuery, takingsQuery } from "@/lib/billing/report-schemas";

const money = z.number();
const takingsDto = z.object({
  date: z.string(),
  currency: z.string(),
  byMethod: z.array(
    z.object({ method: z.string(), receivedMinor: money, refundedMinor: money, netMinor: money, count: z.number() }),
  ),
  total: z.object({ receivedMinor: money, refundedMinor: money, netMinor: money }),
});
const bucket = z.object({ count: z.number(), balanceMinor: money });
const ageingDto = z.object({
  today: z.string(),
  currency: z.string(),
  buckets: z.object({ "0-30": bucket, "31-60": bucket, "61-90": bucket, "90+": bucket }),
  /** Unpaid invoices in all buckets; `items` holds one page of them. */
  count: z.number(),
  totalMinor: money,
  items: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      clientId: z.uuid(),
      clientName: z.string(),
      issueDate: z.string(),
      ageDays: z.number(),
      bucket: z.string(),
      balanceMinor: money,
    }),
  ),
  /** Pass as `after` for the next page (oldest first); null on the last page. */
  nextCursor: z.string().nullable(),
});
const revenueDto = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  items: z.array(z.object({ therapist: z.string(), type: z.string(), netMinor: money, taxMinor: money })),
  totalNetMinor: money,
  totalTaxMinor: money,
});

const report = <Q extends z.ZodType, R extends z.ZodType>(
  id: string,
  path: string,
  summary: string,
  query: Q,
  response: R,
  csv = false,
) =>
  defineOperation({
    id,
    method: "GET",
    path,
    tag: "Billing",
    summary,
    auth: { permission: "billing.manage" },
    query,
    response,
    ...(csv ? { produces: "text/csv" } : {}),
  });

export const takingsReport = report(
  "takingsReport",
  "/api/billing/reports/takings",
  "Daily takings by payment method (end-of-day reconciliation); date defaults to today",
  takingsQuery,
  takingsDto,
);
export const takingsCsv = report(
  "takingsCsv",
  "/api/billing/reports/takings.csv",
  "Daily takings as CSV",
  takingsQuery,
  z.string(),
  true,
);
export const ageingReport = report(
  "ageingReport",
  "/api/billing/reports/ageing",
  "Unpaid invoices by age: totals per bucket (0–30, 31–60, 61–90, 90+ days) and a page of invoices, oldest first",
  ageingQuery,
  ageingDto,
);
export const ageingCsv = report(
  "ageingCsv",
  "/api/billing/reports/ageing.csv",
  "Unpaid invoices by age as CSV",
  z.object({}),
  z.string(),
  true,
);
export const revenueReport = report(
  "revenueReport",
  "/api/billing/reports/revenue",
  "Revenue before tax by therapist and appointment type for a period (default: this month)",
  periodQuery,
  revenueDto,
);
export const revenueCsv = report(
  "revenueCsv",
  "/api/billing/reports/revenue.csv",
  "Revenue by therapist and type as CSV",
  periodQuery,
  z.string(),
  true,
);
export const ledgerCsv = report(
  "ledgerCsv",
  "/api/billing/export.csv",
  "Every issued invoice and credit note of a period as CSV for the accountant",
  periodQuery,
  z.string(),
  true,
);
