import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import type { InvoiceDetail } from "@/lib/billing/schemas";

/** Every billing key starts with "billing": a payment (TakePayment) invalidates them all. */
export const billingKeys = {
  all: ["billing"] as const,
  appointmentInvoice: (appointmentId: string) => ["billing", "appointment-invoice", appointmentId] as const,
  ageing: ["billing", "reports", "ageing"] as const,
};

export function appointmentInvoiceQuery(appointmentId: string) {
  return queryOptions({
    queryKey: billingKeys.appointmentInvoice(appointmentId),
    queryFn: ({ signal }) => call(ops.getAppointmentInvoice, { params: { appointmentId }, signal }),
  });
}

/** The unpaid ageing report, a page at a time: each page starts after the last invoice of the one before. */
export function ageingReportQuery() {
  return infiniteQueryOptions({
    queryKey: billingKeys.ageing,
    queryFn: ({ pageParam, signal }) =>
      call(ops.ageingReport, { query: pageParam ? { after: pageParam } : {}, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 30_000,
  });
}

/**
 * Check-out's one click: draft the appointment's invoice (or find the one already drafted, for
 * instance by the clinic's automatic invoicing) and issue it. Two requests: if the issue is
 * refused (a £0.00 fee is fine, no lines is not) the draft stays for the front desk to fix.
 */
export async function invoiceAndIssue(appointmentId: string): Promise<InvoiceDetail> {
  const inv = await call(ops.invoiceAppointment, { params: { appointmentId } });
  if (inv.status !== "draft") return inv;
  return call(ops.issueInvoice, { params: { invoiceId: inv.id }, body: { version: inv.version } });
}
