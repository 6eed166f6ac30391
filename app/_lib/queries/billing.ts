import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { InvoiceDetail, InvoiceSummary } from "@/lib/billing/schemas";

/** Every billing key starts with "billing": a payment (TakePayment) invalidates them all. */
export const billingKeys = {
  all: ["billing"] as const,
  appointmentInvoice: (appointmentId: string) => ["billing", "appointment-invoice", appointmentId] as const,
};

export function appointmentInvoiceQuery(appointmentId: string) {
  return queryOptions({
    queryKey: billingKeys.appointmentInvoice(appointmentId),
    queryFn: ({ signal }) =>
      api<{ invoice: InvoiceSummary | null }>(`/api/appointments/${appointmentId}/invoice`, { signal }),
  });
}

/**
 * Check-out's one click: draft the appointment's invoice (or find the one already drafted, for
 * instance by the clinic's automatic invoicing) and issue it. Two requests: if the issue is
 * refused (a £0.00 fee is fine, no lines is not) the draft stays for the front desk to fix.
 */
export async function invoiceAndIssue(appointmentId: string): Promise<InvoiceDetail> {
  const inv = await api<InvoiceDetail>(`/api/appointments/${appointmentId}/invoice`, { method: "POST" });
  if (inv.status !== "draft") return inv;
  return api<InvoiceDetail>(`/api/invoices/${inv.id}/issue`, { method: "POST", body: { version: inv.version } });
}
