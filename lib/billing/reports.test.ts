import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { issueInvoice } from "./issue-invoice";
import { recordPayment } from "./payments/record-payment";
import { refundPayment } from "./payments/refund-payment";
import { dailyTakings } from "./reports/daily-takings";
import { todayFor } from "./reports/period";
import { revenueReport } from "./reports/revenue-report";
import { ledgerCsv } from "./reports/ledger-csv";
import { takingsCsv } from "./reports/takings-csv";
import { paymentBody, refundBody } from "./payment-schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";
import { addDays } from "./rules/dates";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let setup: BillingSetup;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  setup = await setUpBilling(t.db, admin);
});
afterAll(() => t.close());

describe("billing reports", () => {
  it("the day's takings balance: part cash, rest card, a refund, by method and in total", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const d = await invoiceAppointment(t.db, admin, await completedAppointment(t.db, admin, setup, tom, tara.userId));
    const inv = await issueInvoice(t.db, admin, d.id, d.version);
    await recordPayment(t.db, admin, paymentBody.parse({ clientId: tom, method: "cash", amountMinor: 2000 }));
    await recordPayment(t.db, admin, paymentBody.parse({ clientId: tom, method: "card", amountMinor: 5000 }));
    await refundPayment(t.db, admin, refundBody.parse({ clientId: tom, method: "cash", amountMinor: 1000 }));
    const r = await dailyTakings(t.db, admin, todayFor(admin));
    const by = Object.fromEntries(r.byMethod.map((m) => [m.method, m]));
    expect(by.cash).toMatchObject({ receivedMinor: 2000, refundedMinor: 1000, netMinor: 1000, count: 2 });
    expect(by.card).toMatchObject({ receivedMinor: 5000, netMinor: 5000 });
    // Net takings = the invoice paid today (6000) + nothing left on account.
    expect(r.total.netMinor).toBe(inv.totalMinor);
    expect((await dailyTakings(t.db, admin, addDays(todayFor(admin), -1))).total.netMinor).toBe(0);
    const csv = await takingsCsv(t.db, admin, todayFor(admin));
    expect(csv).toContain("Cash,2,20.00,10.00,10.00,GBP");
    expect(csv).toContain("Total,,70.00,10.00,60.00,GBP");
  });

  it("revenue by therapist and type, before tax; the ledger CSV lists each issued document", async () => {
    const today = todayFor(admin);
    const r = await revenueReport(t.db, admin, addDays(today, -1), today);
    expect(r.items).toEqual([{ therapist: tara.name, type: "Treatment 60", netMinor: 5000, taxMinor: 1000 }]);
    const csv = await ledgerCsv(t.db, admin, addDays(today, -1), today);
    expect(csv.split("\r\n").filter(Boolean).length).toBe(2);
    expect(csv).toContain("50.00,10.00,60.00");
  });
});
