import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, payments } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { issueInvoice } from "./issue-invoice";
import { creditInvoice } from "./credit-notes";
import { applyCreditToInvoice } from "./payments/apply-credit-to-invoice";
import { recordPayment } from "./payments/record-payment";
import { refundPayment } from "./payments/refund-payment";
import { getClientAccount } from "./account";
import { getInvoice } from "./invoices/get-invoice";
import { paymentBody, refundBody } from "./payment-schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let casey: Actor;
let other: Actor;
let setup: BillingSetup;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  casey = await actorFor(t.db, "client@demo.test");
  other = await actorFor(t.db, "admin@other.test", "other-clinic");
  setup = await setUpBilling(t.db, admin);
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

/** A fresh client's issued £60.00 invoice from a completed appointment. */
async function issuedFor(clientId: string) {
  const appt = await completedAppointment(t.db, admin, setup, clientId, tara.userId);
  const d = await invoiceAppointment(t.db, admin, appt);
  return issueInvoice(t.db, admin, d.id, d.version);
}

const pay = (clientId: string, method: string, amountMinor: number, extra: object = {}) =>
  recordPayment(t.db, admin, paymentBody.parse({ clientId, method, amountMinor, ...extra }));

describe("payments", () => {
  it("part in cash, the rest by card: partly paid, then paid; each audited", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const inv = await issuedFor(tom);
    const cash = await pay(tom, "cash", 2000);
    expect(cash.allocatedMinor).toBe(2000);
    expect((await getInvoice(t.db, admin, inv.id)).status).toBe("partly_paid");
    await pay(tom, "card", 4000, { reference: "Terminal 1234" });
    const paid = await getInvoice(t.db, admin, inv.id);
    expect(paid).toMatchObject({ status: "paid", balanceMinor: 0, allocatedMinor: 6000 });
    expect(paid.payments.map((p) => p.method)).toEqual(["cash", "card"]);
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, cash.id)));
    expect(events.map((e) => e.action)).toEqual(["payment.recorded"]);
  });

  it("an overpayment becomes account credit, applied to the next invoice or refunded", async () => {
    const sophie = await clientIdByName(t.db, "Sophie", "Martin");
    const first = await issuedFor(sophie);
    await pay(sophie, "bank_transfer", 10000);
    expect((await getInvoice(t.db, admin, first.id)).status).toBe("paid");
    let account = await getClientAccount(t.db, admin, sophie);
    expect(account).toMatchObject({ owingMinor: 0, creditMinor: 4000, balanceMinor: -4000 });
    const second = await issuedFor(sophie);
    expect(await applyCreditToInvoice(t.db, admin, second.id)).toEqual({ appliedMinor: 4000 });
    expect((await getInvoice(t.db, admin, second.id)).balanceMinor).toBe(2000);
    account = await getClientAccount(t.db, admin, sophie);
    expect(account).toMatchObject({ owingMinor: 2000, creditMinor: 0, balanceMinor: 2000 });
    const refund = await failure(
      refundPayment(t.db, admin, refundBody.parse({ clientId: sophie, method: "cash", amountMinor: 1 })),
    );
    expect(refund?.code).toBe("CONFLICT");
  });

  it("names invoices to pay; refuses more than a balance, another client's invoice, or more than the money", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    const a = await issuedFor(priya);
    const b = await issuedFor(priya);
    const p = await pay(priya, "insurer", 3000, {
      payerName: "Bupa",
      allocations: [{ invoiceId: b.id, amountMinor: 3000 }],
    });
    expect(p.allocatedMinor).toBe(3000);
    expect((await getInvoice(t.db, admin, a.id)).status).toBe("issued");
    expect((await getInvoice(t.db, admin, b.id)).status).toBe("partly_paid");
    const tooMuch = await failure(pay(priya, "cash", 9000, { allocations: [{ invoiceId: b.id, amountMinor: 9000 }] }));
    expect(tooMuch?.fieldErrors).toHaveProperty("allocations.0.amountMinor");
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const foreign = await failure(pay(tom, "cash", 100, { allocations: [{ invoiceId: a.id, amountMinor: 100 }] }));
    expect(foreign?.fieldErrors).toHaveProperty("allocations.0.invoiceId");
    const over = await failure(pay(priya, "cash", 100, { allocations: [{ invoiceId: a.id, amountMinor: 200 }] }));
    expect(over?.fieldErrors).toHaveProperty("allocations");
    // Nothing half-written: the refused payments left no rows.
    const rows = await t.db.select({ id: payments.id }).from(payments).where(eq(payments.clientId, priya));
    expect(rows.length).toBe(1);
  });

  it("payments are append-only in the database", async () => {
    const [row] = await t.db.select({ id: payments.id }).from(payments).limit(1);
    const err = await t.db
      .update(payments)
      .set({ amountMinor: 1 })
      .where(eq(payments.id, row!.id))
      .then(
        () => null,
        (e) => e,
      );
    expect(sqlState(err)).toBe("55000");
  });
});

describe("credit notes and refunds", () => {
  it("credits a paid invoice in full: the money goes on account and can be refunded", async () => {
    const sam = await clientIdByName(t.db, "Sam", "Lee").catch(() => clientIdByName(t.db, "Priya", "Shah"));
    const inv = await issuedFor(sam);
    await pay(sam, "card", 6000, { allocations: [{ invoiceId: inv.id, amountMinor: 6000 }] });
    const before = await getClientAccount(t.db, admin, sam);
    const note = await creditInvoice(t.db, admin, inv.id, { reason: "Session cut short" });
    expect(note).toMatchObject({ kind: "credit_note", totalMinor: 6000, taxMinor: 1000, status: "issued" });
    expect(note.number).toMatch(/^CN-\d+$/);
    expect(note.creditsInvoiceNumber).toBe(inv.number);
    // The invoice stays as issued, paid; the credit is on account.
    expect((await getInvoice(t.db, admin, inv.id)).status).toBe("paid");
    const after = await getClientAccount(t.db, admin, sam);
    expect(after.creditMinor - before.creditMinor).toBe(6000);
    expect((await failure(creditInvoice(t.db, admin, inv.id, { reason: "again" })))?.code).toBe("CONFLICT");
    const refund = await refundPayment(
      t.db,
      admin,
      refundBody.parse({ clientId: sam, method: "card", amountMinor: 6000, reference: "Refund to card" }),
    );
    expect(refund.kind).toBe("refund");
    const end = await getClientAccount(t.db, admin, sam);
    expect(end.creditMinor).toBe(before.creditMinor);
    expect(end.entries.at(-1)).toMatchObject({ kind: "refund", amountMinor: 6000 });
  });

  it("credits part of an unpaid invoice: its balance falls by the credit, tax taken out at its rate", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const inv = await issuedFor(tom);
    const note = await creditInvoice(t.db, admin, inv.id, { reason: "Goodwill", amountMinor: 1200 });
    expect(note).toMatchObject({ totalMinor: 1200, taxMinor: 200, subtotalMinor: 1000 });
    const after = await getInvoice(t.db, admin, inv.id);
    expect(after).toMatchObject({ status: "partly_paid", balanceMinor: 4800 });
    const err = await failure(creditInvoice(t.db, admin, inv.id, { reason: "Too much", amountMinor: 5000 }));
    expect(err?.fieldErrors).toHaveProperty("amountMinor");
  });
});

describe("who may handle money", () => {
  it("a therapist without billing, another clinic and a client are refused", async () => {
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    const body = paymentBody.parse({ clientId: priya, method: "cash", amountMinor: 100 });
    expect((await failure(recordPayment(t.db, tara, body)))?.code).toBe("FORBIDDEN");
    expect((await failure(recordPayment(t.db, casey, body)))?.code).toBe("FORBIDDEN");
    expect((await failure(recordPayment(t.db, other, body)))?.code).toBe("NOT_FOUND");
    expect((await failure(getClientAccount(t.db, tara, priya)))?.code).toBe("FORBIDDEN");
    expect((await failure(getClientAccount(t.db, casey, priya)))?.code).toBe("NOT_FOUND");
    expect((await failure(getClientAccount(t.db, other, priya)))?.code).toBe("NOT_FOUND");
    expect((await getClientAccount(t.db, casey, casey.clientId!)).clientId).toBe(casey.clientId);
  });
});
