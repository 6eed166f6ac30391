import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { formatFor } from "@/lib/format/clinic-format";
import { FONT, finishPdf, newPdf, rule, tableRow, type Column, type Pdf } from "@/lib/pdf/document";
import { documentTitle } from "./document-title";
import { getInvoice } from "./invoices/get-invoice";
import { INVOICE_STATUS_LABEL, PAYMENT_METHOD_LABEL, type PaymentMethod } from "./rules/constants";
import { formatMoney } from "./rules/money";
import type { InvoiceDetail } from "./schemas";

function header(doc: Pdf, title: string, inv: InvoiceDetail) {
  doc.font(FONT.bold).fontSize(16).text(inv.businessName);
  doc.font(FONT.regular).fontSize(9).text(inv.businessAddress);
  if (inv.taxNumber) doc.text(`Tax number: ${inv.taxNumber}`);
  doc.moveDown();
  doc
    .font(FONT.bold)
    .fontSize(14)
    .text(`${title} ${inv.number ?? ""}`.trim());
  doc.font(FONT.regular).fontSize(10);
}

/** Renders one invoice, credit note or receipt. */
export async function renderInvoicePdf(
  db: Db,
  actor: Actor,
  invoiceId: string,
): Promise<{ body: Buffer; filename: string }> {
  const inv = await getInvoice(db, actor, invoiceId);
  const f = formatFor(actor);
  const money = (m: number) => formatMoney(m, inv.currency, actor.clinicLocale);
  const title = documentTitle(inv);
  const doc = newPdf({ title: `${title} ${inv.number ?? ""}`.trim(), author: inv.businessName });
  header(doc, title, inv);
  const facts: [string, string | null][] = [
    ["Issued", inv.issueDate ? f.day(inv.issueDate, "date") : null],
    ["Due", inv.kind === "invoice" && inv.dueDate && inv.status !== "paid" ? f.day(inv.dueDate, "date") : null],
    ["Date of service", inv.serviceDate ? f.day(inv.serviceDate, "date") : null],
    ["Credits invoice", inv.creditsInvoiceNumber],
    ["Status", INVOICE_STATUS_LABEL[inv.status]],
  ];
  doc.moveDown(0.5);
  for (const [k, v] of facts) if (v) doc.text(`${k}: ${v}`);
  doc.moveDown();
  doc.font(FONT.bold).text("Client");
  doc.font(FONT.regular).text(inv.clientName);
  if (inv.clientDateOfBirth) doc.text(`Date of birth: ${f.day(inv.clientDateOfBirth, "date")}`);
  if (inv.therapistName) {
    doc.moveDown(0.5);
    doc.font(FONT.bold).text("Therapist");
    doc.font(FONT.regular).text(inv.therapistName);
    if (inv.therapistRegistration) doc.text(`Registration: ${inv.therapistRegistration}`);
  }
  if (inv.diagnosisCodes.length) doc.text(`Diagnosis (ICD-10): ${inv.diagnosisCodes.join(", ")}`);
  doc.moveDown();
  const cols: Column[] = [
    { label: "Item", width: 205 },
    { label: "Code", width: 55 },
    { label: "Qty", width: 35, align: "right" },
    { label: "Price", width: 75, align: "right" },
    { label: "Tax", width: 55, align: "right" },
    { label: "Amount", width: 70, align: "right" },
  ];
  tableRow(
    doc,
    cols,
    cols.map((c) => c.label),
    true,
  );
  rule(doc);
  for (const l of inv.lines) {
    const desc = l.discountBp ? `${l.description} (${l.discountBp / 100}% off)` : l.description;
    tableRow(doc, cols, [
      desc,
      l.procedureCode ?? "",
      String(l.quantity),
      money(l.unitPriceMinor),
      l.taxRateBp ? `${l.taxRateBp / 100}%` : "—",
      money(l.totalMinor),
    ]);
  }
  rule(doc);
  const totals: [string, number][] = [
    [inv.taxInclusive ? "Total before tax" : "Subtotal", inv.subtotalMinor],
    ["Tax", inv.taxMinor],
    ["Total", inv.totalMinor],
  ];
  if (inv.kind === "invoice") {
    totals.push(["Paid", inv.allocatedMinor], ["Balance due", inv.balanceMinor]);
  }
  const sum: Column[] = [
    { label: "", width: 355 },
    { label: "", width: 70, align: "right" },
    { label: "", width: 70, align: "right" },
  ];
  for (const [k, v] of totals) tableRow(doc, sum, ["", k, money(v)], k === "Total" || k === "Balance due");
  if (inv.payments.length) {
    doc.moveDown();
    doc.font(FONT.bold).text(inv.kind === "invoice" ? "Payments" : "Applied");
    doc.font(FONT.regular);
    for (const p of inv.payments) {
      const how = p.creditNoteId ? "Credit note" : (PAYMENT_METHOD_LABEL[p.method as PaymentMethod] ?? p.method);
      doc.text(`${f.at(p.at, "date")} · ${how} · ${money(p.amountMinor)}`);
    }
  }
  if (inv.notes) {
    doc.moveDown();
    doc.text(inv.notes);
  }
  if (inv.voidReason) doc.moveDown().text(`Void: ${inv.voidReason}`);
  const body = await finishPdf(doc);
  return { body, filename: `${title.toLowerCase().replace(/\s+/g, "-")}-${inv.number ?? inv.id}.pdf` };
}
