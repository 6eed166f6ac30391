import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { issueInvoice } from "./issue-invoice";
import { recordPayment } from "./payments/record-payment";
import { unpaidAgeing } from "./ageing";
import { ageingCsv } from "./reports/ageing-csv";
import { todayFor } from "./reports/period";
import { ageingQuery } from "./report-schemas";
import { paymentBody } from "./payment-schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";
import { addDays } from "./rules/dates";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let setup: BillingSetup;
const issued: string[] = [];

async function issueFor(clientId: string) {
  const d = await invoiceAppointment(
    t.db,
    admin,
    await completedAppointment(t.db, admin, setup, clientId, tara.userId),
  );
  const inv = await issueInvoice(t.db, admin, d.id, d.version);
  issued.push(inv.id);
  return inv;
}

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  setup = await setUpBilling(t.db, admin);
  const priya = await clientIdByName(t.db, "Priya", "Shah");
  const tom = await clientIdByName(t.db, "Tom", "Okafor");
  for (let i = 0; i < 4; i++) await issueFor(priya);
  // Tom pays his first invoice in full and £20 of his second: only the second's £40 is owed.
  const paid = await issueFor(tom);
  await recordPayment(t.db, admin, paymentBody.parse({ clientId: tom, method: "card", amountMinor: 6000 }));
  issued.splice(issued.indexOf(paid.id), 1);
  await issueFor(tom);
  await recordPayment(t.db, admin, paymentBody.parse({ clientId: tom, method: "cash", amountMinor: 2000 }));
});
afterAll(() => t.close());

describe("unpaid ageing", () => {
  it("totals every unpaid invoice per bucket by days since issue, whatever the page size", async () => {
    const today = todayFor(admin);
    const now = await unpaidAgeing(t.db, admin, { limit: 2 }, today);
    expect(now.buckets["0-30"]).toEqual({ count: 5, balanceMinor: 4 * 6000 + 4000 });
    expect(now.count).toBe(5);
    expect(now.totalMinor).toBe(28000);
    expect(now.items).toHaveLength(2);
    const later = await unpaidAgeing(t.db, admin, { limit: 2 }, addDays(today, 45));
    expect(later.buckets["0-30"].count).toBe(0);
    expect(later.buckets["31-60"]).toEqual({ count: 5, balanceMinor: 28000 });
    expect(later.items[0]).toMatchObject({ ageDays: 45, bucket: "31-60" });
    expect((await unpaidAgeing(t.db, admin, { limit: 1 }, addDays(today, 61))).buckets["61-90"].count).toBe(5);
    expect((await unpaidAgeing(t.db, admin, { limit: 1 }, addDays(today, 91))).buckets["90+"].count).toBe(5);
    // Day 30 is still 0–30, day 31 is 31–60: the SQL ranges agree with the rule's boundaries.
    expect((await unpaidAgeing(t.db, admin, { limit: 1 }, addDays(today, 30))).buckets["0-30"].count).toBe(5);
    expect((await unpaidAgeing(t.db, admin, { limit: 1 }, addDays(today, 31))).buckets["31-60"].count).toBe(5);
  });

  it("pages through every unpaid invoice once, oldest first, and stops with a null cursor", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await unpaidAgeing(t.db, admin, { limit: 2, ...(after ? { after } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(issued);
    const tom = (await unpaidAgeing(t.db, admin, { limit: 50 })).items.find((i) => i.clientName.startsWith("Tom"));
    expect(tom?.balanceMinor).toBe(4000);
  });

  it("the CSV still lists every unpaid invoice (read page by page)", async () => {
    const csv = await ageingCsv(t.db, admin);
    expect(csv.split("\r\n").filter(Boolean)).toHaveLength(1 + 5);
  });

  it("refuses a malformed cursor or page size as bad input", () => {
    expect(ageingQuery.safeParse({ after: "x'; drop table invoices" }).success).toBe(false);
    expect(ageingQuery.safeParse({ limit: "500" }).success).toBe(false);
    expect(ageingQuery.parse({})).toEqual({ limit: 50 });
  });

  it("is for billing staff only", async () => {
    await expect(unpaidAgeing(t.db, tara)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
