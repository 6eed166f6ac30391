import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { setAppointmentStatus } from "@/lib/scheduling/appointments/set-appointment-status";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { getInvoice } from "./invoices/get-invoice";
import { issueInvoice } from "./issue-invoice";
import { voidInvoice } from "./void-invoice";
import { listClientPackages } from "./client-packages";
import { createPackagePlan } from "./package-plans/create-package-plan";
import { sellPackage } from "./sell-package";
import { packagePlanBody } from "./package-schemas";
import { completedAppointment, setUpBilling, type BillingSetup } from "./testing";

// What happens to a drawn session when the visit or the sale behind it is corrected.
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

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
const sell = async (clientId: string, sessions = 5) => {
  const plan = await createPackagePlan(
    t.db,
    admin,
    packagePlanBody.parse({
      name: `${sessions} treatments`,
      sessions,
      typeIds: [setup.typeId],
      priceMinor: 25000,
      taxRateId: setup.vatId,
      validityDays: 180,
    }),
  );
  return sellPackage(t.db, admin, clientId, { planId: plan.id });
};
const arrived = (clientId: string) =>
  completedAppointment(t.db, admin, setup, clientId, tara.userId, undefined, "arrived");
const setStatus = (id: string, status: "completed" | "arrived", version: number) =>
  setAppointmentStatus(t.db, admin, id, { status, version });
const used = async (clientId: string) => (await listClientPackages(t.db, admin, clientId))[0]!.sessionsUsed;

describe("a session given back", () => {
  it("turns the draft's £0 package line back into the fee; the desk's other lines stay", async () => {
    const ben = await clientIdByName(t.db, "Ben", "Walsh");
    await sell(ben);
    const appt = await arrived(ben);
    const done = await setStatus(appt, "completed", 1);
    const draft = await invoiceAppointment(t.db, admin, appt);
    expect(draft).toMatchObject({ status: "draft", totalMinor: 0 });
    expect(draft.lines[0]!.description).toBe("Treatment 60 · Package: 5 treatments (session 1 of 5)");

    await setStatus(appt, "arrived", done.version);
    expect(await used(ben)).toBe(0);
    const after = await getInvoice(t.db, admin, draft.id);
    expect(after.lines.map((l) => [l.description, l.unitPriceMinor])).toEqual([["Treatment 60", 6000]]);
    expect(after.totalMinor).toBe(6000);
    expect(after.version).toBe(draft.version + 1);
  });

  it("stays drawn while an issued invoice records it; voiding that invoice gives it back", async () => {
    const hannah = await clientIdByName(t.db, "Hannah", "Kim");
    await sell(hannah);
    const appt = await arrived(hannah);
    const done = await setStatus(appt, "completed", 1);
    const draft = await invoiceAppointment(t.db, admin, appt);
    const issued = await issueInvoice(t.db, admin, draft.id, draft.version);
    // Nothing to pay: a £0 invoice is paid as soon as it is issued.
    expect(issued).toMatchObject({ status: "paid", totalMinor: 0 });

    await setStatus(appt, "arrived", done.version);
    expect(await used(hannah)).toBe(1);
    await voidInvoice(t.db, admin, issued.id, issued.version, "Visit did not go ahead");
    expect(await used(hannah)).toBe(0);
  });
});

describe("voiding a package's sale", () => {
  it("is refused with 409 once a session was used, and says to credit instead", async () => {
    const maria = await clientIdByName(t.db, "Maria", "Lopez");
    const sold = await sell(maria);
    await setStatus(await arrived(maria), "completed", 1);
    const sale = await getInvoice(t.db, admin, sold.invoiceId);
    const e = await failure(voidInvoice(t.db, admin, sale.id, sale.version, "Sold by mistake"));
    expect(e?.code).toBe("CONFLICT");
    expect(e?.message).toMatch(/1 of 5 sessions .* credit note/);
    expect((await getInvoice(t.db, admin, sale.id)).status).toBe("issued");
  });

  it("is allowed while nothing was used; the package then draws nothing and the visit is charged", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const sold = await sell(tom);
    const sale = await getInvoice(t.db, admin, sold.invoiceId);
    await voidInvoice(t.db, admin, sale.id, sale.version, "Sold by mistake");
    const appt = await arrived(tom);
    await setStatus(appt, "completed", 1);
    expect((await invoiceAppointment(t.db, admin, appt)).totalMinor).toBe(6000);
  });

  it("racing a completion: either the void is refused or the session is not drawn, never both through", async () => {
    const george = await clientIdByName(t.db, "George", "Brown");
    const sold = await sell(george, 1);
    const sale = await getInvoice(t.db, admin, sold.invoiceId);
    const appt = await arrived(george);
    const [voided, completed] = await Promise.allSettled([
      voidInvoice(t.db, admin, sale.id, sale.version, "Sold by mistake"),
      setStatus(appt, "completed", 1),
    ]);
    expect(completed.status).toBe("fulfilled");
    const status = (await getInvoice(t.db, admin, sale.id)).status;
    const drawn = (await invoiceAppointment(t.db, admin, appt)).totalMinor === 0;
    expect(voided.status === "fulfilled" ? status === "void" && !drawn : status === "issued" && drawn).toBe(true);
  });
});
