import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { appointmentInvoiceParams, clientAccountParams, invoiceParams, invoiceSummaryDto } from "@/lib/billing/schemas";
import { emailedDocumentDto } from "@/lib/billing/email-schemas";

// The front desk's billing operations: check-out from the calendar and "Email to client"
// (beside operations.ts, which holds invoices, payments and the portal's).

export const getAppointmentInvoice = defineOperation({
  id: "getAppointmentInvoice",
  method: "GET",
  path: "/api/appointments/{appointmentId}/invoice",
  tag: "Billing",
  summary: "The appointment's invoice for check-out (null until invoiced, or when it was voided)",
  auth: { permission: "billing.manage" },
  params: appointmentInvoiceParams,
  response: z.object({ invoice: invoiceSummaryDto.nullable() }),
});

export const emailInvoice = defineOperation({
  id: "emailInvoice",
  method: "POST",
  path: "/api/invoices/{invoiceId}/email",
  tag: "Billing",
  summary: "Email the issued invoice or receipt to the client as a PDF (409 for a draft, a void one or no address)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  response: emailedDocumentDto,
  successStatus: 202,
});

export const emailStatement = defineOperation({
  id: "emailStatement",
  method: "POST",
  path: "/api/clients/{clientId}/statement/email",
  tag: "Billing",
  summary: "Email the client's statement of account as a PDF (409 when they have no address)",
  auth: { permission: "billing.manage" },
  params: clientAccountParams,
  response: emailedDocumentDto,
  successStatus: 202,
});
