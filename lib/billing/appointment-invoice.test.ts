import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/identity/actor";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { issueInvoice } from "./issue-invoice";
import { voidInvoice } from "./void-invoice";
import { recordPayment } from "./payments/record-payment";
import { getAppointmentInvoice } from "./invoices/get-appointment-invoice";
import { paymentBody } from "./payment-schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";

let t: TestDb;
let admin: Actor;
let setup: BillingSetup;
let therapistId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  therapistId = (await actorFor(t.db, "therapist@demo.test")).userId;
  setup = await setUpBilling(t.db, admin);
});
afterAll(() => t.close());

describe("an appointment's invoice at check-out", () => {
  it("none, draft, issued with a balance, part paid, paid; a voided one counts as none", async () => {
    const clientId = await clientIdByName(t.db, "Priya", "Shah");
    const appt = await completedAppointment(t.db, admin, setup, clientId, therapistId);
    expect(await getAppointmentInvoice(t.db, admin, appt)).toEqual({ invoice: null });
    const draft = await invoiceAppointment(t.db, admin, appt);
    expect((await getAppointmentInvoice(t.db, admin, appt)).invoice).toMatchObject({
      id: draft.id,
      status: "draft",
      totalMinor: 6000,
    });
    const issued = await issueInvoice(t.db, admin, draft.id, draft.version);
    expect((await getAppointmentInvoice(t.db, admin, appt)).invoice).toMatchObject({
      status: "issued",
      number: issued.number,
      balanceMinor: 6000,
    });
    const pay = (amountMinor: number, method: string) =>
      recordPayment(
        t.db,
        admin,
        paymentBody.parse({ clientId, method, amountMinor, allocations: [{ invoiceId: issued.id, amountMinor }] }),
      );
    await pay(2500, "cash");
    expect((await getAppointmentInvoice(t.db, admin, appt)).invoice).toMatchObject({
      status: "partly_paid",
      allocatedMinor: 2500,
      balanceMinor: 3500,
    });
    await pay(3500, "card");
    expect((await getAppointmentInvoice(t.db, admin, appt)).invoice).toMatchObject({ status: "paid", balanceMinor: 0 });

    const second = await completedAppointment(t.db, admin, setup, clientId, therapistId);
    const d2 = await invoiceAppointment(t.db, admin, second);
    const i2 = await issueInvoice(t.db, admin, d2.id, d2.version);
    await voidInvoice(t.db, admin, i2.id, i2.version, "Wrong client");
    expect(await getAppointmentInvoice(t.db, admin, second)).toEqual({ invoice: null });
  });

  it("a therapist without billing is refused; another clinic gets 404", async () => {
    const clientId = await clientIdByName(t.db, "Priya", "Shah");
    const appt = await completedAppointment(t.db, admin, setup, clientId, therapistId);
    const therapist = await actorFor(t.db, "therapist@demo.test");
    await expect(getAppointmentInvoice(t.db, therapist, appt)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    await expect(getAppointmentInvoice(t.db, other, appt)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
