import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { clients } from "@/db/schema";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createDraftInvoice } from "./invoices/create-draft-invoice";
import { issueInvoice } from "./issue-invoice";
import { recordPayment } from "./payments/record-payment";
import { renderInvoicePdf } from "./render-invoice-pdf";
import { renderStatementPdf } from "./render-statement-pdf";
import { draftInvoiceBody } from "./schemas";
import { paymentBody } from "./payment-schemas";
import { setUpBilling, type BillingSetup } from "./testing";

let t: TestDb;
let admin: Actor;
let setup: BillingSetup;
let zoe: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  setup = await setUpBilling(t.db, admin);
  const [row] = await t.db
    .insert(clients)
    .values({ clinicId: admin.clinicId, firstName: "Zoë Łukasz", lastName: "Ødegård", dateOfBirth: "1990-03-04" })
    .returning({ id: clients.id });
  zoe = row!.id;
});
afterAll(() => t.close());

/** The text of every page, read by an independent parser (Mozilla's pdf.js). */
async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(" "));
  }
  return pages.join("\n");
}

describe("PDF receipts and statements", () => {
  it("a paid invoice prints as a receipt with the number, amounts and a Unicode name", async () => {
    const d = await createDraftInvoice(
      t.db,
      admin,
      draftInvoiceBody.parse({
        clientId: zoe,
        diagnosisCodes: ["M79.1"],
        lines: [
          {
            kind: "service",
            description: "Trigger point therapy",
            procedureCode: "97140",
            quantity: 1,
            unitPriceMinor: 6000,
            taxRateId: setup.vatId,
          },
        ],
      }),
    );
    const inv = await issueInvoice(t.db, admin, d.id, d.version);
    await recordPayment(t.db, admin, paymentBody.parse({ clientId: zoe, method: "cash", amountMinor: 2500 }));
    await recordPayment(t.db, admin, paymentBody.parse({ clientId: zoe, method: "card", amountMinor: 3500 }));
    const { body, filename } = await renderInvoicePdf(t.db, admin, inv.id);
    expect(body.subarray(0, 5).toString()).toBe("%PDF-");
    expect(filename).toBe(`receipt-${inv.number}.pdf`);
    const text = await pdfText(body);
    for (const s of [
      "Receipt",
      inv.number!,
      "Zoë Łukasz Ødegård",
      "Knotwork Demo Clinic Ltd",
      "GB123456789",
      "M79.1",
      "97140",
      "£60.00",
      "£10.00", // the VAT inside £60.00 at 20 %
      "£25.00",
      "£35.00",
      "£0.00",
    ]) {
      expect(text).toContain(s);
    }
  });

  it("the statement lists the invoice and both payments with a zero balance", async () => {
    const { body } = await renderStatementPdf(t.db, admin, zoe);
    const text = await pdfText(body);
    expect(text).toContain("Statement of account");
    expect(text).toContain("Zoë Łukasz Ødegård");
    expect(text).toContain("-£25.00");
    expect(text).toContain("Cash");
    expect(text).toContain("Card (terminal)");
  });
});
