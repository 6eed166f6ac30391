import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import {
  appointmentInvoiceParams,
  clientAccountParams,
  creditNoteBody,
  draftInvoiceBody,
  invoiceDetailDto,
  invoiceParams,
  invoiceSummaryDto,
  listInvoicesQuery,
  myInvoiceParams,
  paymentParams,
  updateDraftBody,
  versionBody,
  voidBody,
} from "@/lib/billing/schemas";
import { clientAccountDto, paymentBody, paymentDto, refundBody } from "./payment-schemas";

export const listInvoices = defineOperation({
  id: "listInvoices",
  method: "GET",
  path: "/api/invoices",
  tag: "Billing",
  summary: "Invoices and credit notes, newest first (status=unpaid: issued or partly paid)",
  auth: { permission: "billing.manage" },
  query: listInvoicesQuery,
  response: z.array(invoiceSummaryDto),
});

export const createInvoice = defineOperation({
  id: "createInvoice",
  method: "POST",
  path: "/api/invoices",
  tag: "Billing",
  summary: "Draft an invoice by hand (numbered only when issued)",
  auth: { permission: "billing.manage" },
  body: draftInvoiceBody,
  response: invoiceDetailDto,
  successStatus: 201,
  exampleBody: {
    clientId: "00000000-0000-4000-8000-000000000000",
    lines: [{ kind: "product", description: "Massage ball", quantity: 1, unitPriceMinor: 899 }],
  },
});

export const getInvoice = defineOperation({
  id: "getInvoice",
  method: "GET",
  path: "/api/invoices/{invoiceId}",
  tag: "Billing",
  summary: "One invoice or credit note with its lines and what was paid against it",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  response: invoiceDetailDto,
});

export const updateInvoice = defineOperation({
  id: "updateInvoice",
  method: "PATCH",
  path: "/api/invoices/{invoiceId}",
  tag: "Billing",
  summary: "Change a draft's lines and details (409 once issued, or when someone saved first)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  body: updateDraftBody,
  response: invoiceDetailDto,
  exampleBody: { lines: [], version: 1 },
});

export const deleteInvoice = defineOperation({
  id: "deleteInvoice",
  method: "DELETE",
  path: "/api/invoices/{invoiceId}",
  tag: "Billing",
  summary: "Delete a draft (issued invoices are never deleted: void or credit them)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  // Optional: a stale version (someone edited the draft meanwhile) is refused with 409.
  query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  successStatus: 204,
});

export const issueInvoice = defineOperation({
  id: "issueInvoice",
  method: "POST",
  path: "/api/invoices/{invoiceId}/issue",
  tag: "Billing",
  summary: "Issue a draft: the next number, details printed, locked for good",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  body: versionBody,
  response: invoiceDetailDto,
  exampleBody: { version: 1 },
});

export const voidInvoice = defineOperation({
  id: "voidInvoice",
  method: "POST",
  path: "/api/invoices/{invoiceId}/void",
  tag: "Billing",
  summary: "Void an issued invoice nothing was paid on (409 otherwise: credit it)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  body: voidBody,
  response: invoiceDetailDto,
  exampleBody: { version: 1, reason: "Entered twice" },
});

export const creditInvoice = defineOperation({
  id: "creditInvoice",
  method: "POST",
  path: "/api/invoices/{invoiceId}/credit-notes",
  tag: "Billing",
  summary: "Correct an issued invoice with a credit note (whole, or an amount)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  body: creditNoteBody,
  response: invoiceDetailDto,
  successStatus: 201,
  exampleBody: { reason: "Session cut short", amountMinor: 1000 },
});

export const applyCredit = defineOperation({
  id: "applyCredit",
  method: "POST",
  path: "/api/invoices/{invoiceId}/apply-credit",
  tag: "Billing",
  summary: "Pay an invoice from the client's account credit (409 when there is none)",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  response: z.object({ appliedMinor: z.number() }),
});

export const invoicePdf = defineOperation({
  id: "invoicePdf",
  method: "GET",
  path: "/api/invoices/{invoiceId}/pdf",
  tag: "Billing",
  summary: "The invoice, credit note or receipt as a PDF",
  auth: { permission: "billing.manage" },
  params: invoiceParams,
  response: z.string(),
  produces: "application/pdf",
});

export const invoiceAppointment = defineOperation({
  id: "invoiceAppointment",
  method: "POST",
  path: "/api/appointments/{appointmentId}/invoice",
  tag: "Billing",
  summary: "Draft the invoice of an attended appointment in one click (the existing one if already drafted)",
  auth: { permission: "billing.manage" },
  params: appointmentInvoiceParams,
  response: invoiceDetailDto,
});

export const recordPayment = defineOperation({
  id: "recordPayment",
  method: "POST",
  path: "/api/payments",
  tag: "Billing",
  summary: "Record a payment (cash, card terminal, bank transfer, insurer); left over goes to account credit",
  auth: { permission: "billing.manage" },
  body: paymentBody,
  response: paymentDto,
  successStatus: 201,
  exampleBody: { clientId: "00000000-0000-4000-8000-000000000000", method: "cash", amountMinor: 2000 },
});

export const refundPayment = defineOperation({
  id: "refundPayment",
  method: "POST",
  path: "/api/refunds",
  tag: "Billing",
  summary: "Pay money on account back to the client (409 beyond their credit)",
  auth: { permission: "billing.manage" },
  body: refundBody,
  response: paymentDto,
  successStatus: 201,
  exampleBody: { clientId: "00000000-0000-4000-8000-000000000000", method: "card", amountMinor: 500 },
});

export const getPayment = defineOperation({
  id: "getPayment",
  method: "GET",
  path: "/api/payments/{paymentId}",
  tag: "Billing",
  summary: "One payment or refund",
  auth: { permission: "billing.manage" },
  params: paymentParams,
  response: paymentDto,
});

export const getClientAccount = defineOperation({
  id: "getClientAccount",
  method: "GET",
  path: "/api/clients/{clientId}/account",
  tag: "Billing",
  summary: "The client's balance, credit and statement",
  auth: { permission: "billing.manage" },
  params: clientAccountParams,
  response: clientAccountDto,
});

export const clientStatementPdf = defineOperation({
  id: "clientStatementPdf",
  method: "GET",
  path: "/api/clients/{clientId}/statement",
  tag: "Billing",
  summary: "The client's account statement as a PDF",
  auth: { permission: "billing.manage" },
  params: clientAccountParams,
  response: z.string(),
  produces: "application/pdf",
});

export const listMyInvoices = defineOperation({
  id: "listMyInvoices",
  method: "GET",
  path: "/api/portal/invoices",
  tag: "Portal",
  summary: "My invoices and credit notes (issued ones)",
  auth: { permission: "portal.self" },
  response: z.array(invoiceSummaryDto),
});

export const getMyInvoice = defineOperation({
  id: "getMyInvoice",
  method: "GET",
  path: "/api/portal/invoices/{myInvoiceId}",
  tag: "Portal",
  summary: "One of my invoices",
  auth: { permission: "portal.self" },
  params: myInvoiceParams,
  response: invoiceDetailDto,
});

export const myInvoicePdf = defineOperation({
  id: "myInvoicePdf",
  method: "GET",
  path: "/api/portal/invoices/{myInvoiceId}/pdf",
  tag: "Portal",
  summary: "One of my invoices or receipts as a PDF",
  auth: { permission: "portal.self" },
  params: myInvoiceParams,
  response: z.string(),
  produces: "application/pdf",
});

export const getMyAccount = defineOperation({
  id: "getMyAccount",
  method: "GET",
  path: "/api/portal/account",
  tag: "Portal",
  summary: "My balance and statement",
  auth: { permission: "portal.self" },
  response: clientAccountDto,
});

export const startCheckout = defineOperation({
  id: "startCheckout",
  method: "POST",
  path: "/api/portal/invoices/{myInvoiceId}/checkout",
  tag: "Portal",
  summary: "Pay one of my invoices online: a Checkout URL (null when the clinic takes no online payments)",
  auth: { permission: "portal.self" },
  params: myInvoiceParams,
  response: z.object({ url: z.string().nullable() }),
});
