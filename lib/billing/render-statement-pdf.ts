import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { formatFor } from "@/lib/format/clinic-format";
import { FONT, finishPdf, newPdf, rule, tableRow, type Column } from "@/lib/pdf/document";
import { getClientAccount } from "./account";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { formatMoney } from "./rules/money";

/** The client's statement: every issued document, payment and refund with the running balance. */
export async function renderStatementPdf(db: Db, actor: Actor, clientId: string) {
  const account = await getClientAccount(db, actor, clientId);
  const settings = await loadBillingSettings(db, actor.clinicId);
  const f = formatFor(actor);
  const money = (m: number) => formatMoney(m, account.currency, actor.clinicLocale);
  const doc = newPdf({ title: `Statement for ${account.clientName}` });
  doc
    .font(FONT.bold)
    .fontSize(16)
    .text(settings.businessName || actor.clinicName);
  doc.font(FONT.regular).fontSize(9).text(settings.businessAddress);
  doc.moveDown();
  doc.font(FONT.bold).fontSize(14).text("Statement of account");
  doc.font(FONT.regular).fontSize(10).text(account.clientName);
  doc.text(`Date: ${f.at(new Date(), "date")}`);
  doc.moveDown();
  const cols: Column[] = [
    { label: "Date", width: 90 },
    { label: "Item", width: 215 },
    { label: "Amount", width: 95, align: "right" },
    { label: "Balance", width: 95, align: "right" },
  ];
  tableRow(
    doc,
    cols,
    cols.map((c) => c.label),
    true,
  );
  rule(doc);
  const KIND = { invoice: "Invoice", credit_note: "Credit note", payment: "Payment", refund: "Refund" } as const;
  for (const e of account.entries) {
    tableRow(doc, cols, [
      f.at(e.at, "date"),
      `${KIND[e.kind]} ${e.reference}`.trim(),
      money(e.amountMinor),
      money(e.balanceMinor),
    ]);
  }
  rule(doc);
  tableRow(doc, cols, ["", "Owing", "", money(account.owingMinor)], true);
  tableRow(doc, cols, ["", "Credit on account", "", money(account.creditMinor)]);
  tableRow(doc, cols, ["", "Balance", "", money(account.balanceMinor)], true);
  const body = await finishPdf(doc);
  return { body, filename: `statement-${account.clientName}.pdf` };
}
