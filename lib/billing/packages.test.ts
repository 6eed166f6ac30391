import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { appointments, auditEvents, clientPackages, packageRedemptions } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { setAppointmentStatus } from "@/lib/scheduling/appointments/set-appointment-status";
import { invoiceAppointment } from "./invoices/invoice-appointment";
import { getInvoice } from "./invoices/get-invoice";
import { getClientAccount } from "./account";
import { listClientPackages } from "./client-packages";
import { createPackagePlan } from "./package-plans/create-package-plan";
import { listPackagePlans } from "./package-plans/list-package-plans";
import { updatePackagePlan } from "./package-plans/update-package-plan";
import { sellPackage } from "./sell-package";
import { redeemForAppointment } from "./redeem-package";
import { packagePlanBody } from "./package-schemas";
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

const plan = (extra: object = {}) =>
  createPackagePlan(
    t.db,
    admin,
    packagePlanBody.parse({
      name: "5 treatments",
      sessions: 5,
      typeIds: [setup.typeId],
      priceMinor: 25000,
      taxRateId: setup.vatId,
      validityDays: 180,
      ...extra,
    }),
  );

/** An arrived appointment (written straight to the table), then completed through the real use-case. */
async function arrived(clientId: string, startsAt?: Date) {
  return completedAppointment(t.db, admin, setup, clientId, tara.userId, startsAt, "arrived");
}
const complete = (id: string, version = 1) => setAppointmentStatus(t.db, admin, id, { status: "completed", version });
const packagesOf = (clientId: string) => listClientPackages(t.db, admin, clientId);

describe("package plans", () => {
  it("creates, edits and archives a plan; each change audited; stale versions refused", async () => {
    const p = await plan({ name: "3 massages", sessions: 3 });
    expect(p).toMatchObject({ sessions: 3, typeIds: [setup.typeId], typeNames: ["Treatment 60"], archived: false });
    const edited = await updatePackagePlan(t.db, admin, p.id, { priceMinor: 15000, version: p.version });
    expect(edited.priceMinor).toBe(15000);
    expect((await failure(updatePackagePlan(t.db, admin, p.id, { name: "x", version: p.version })))?.code).toBe(
      "CONFLICT",
    );
    const archived = await updatePackagePlan(t.db, admin, p.id, { archived: true, version: edited.version });
    expect(archived.archived).toBe(true);
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, p.id));
    expect(events.map((e) => e.action)).toEqual([
      "package_plan.created",
      "package_plan.updated",
      "package_plan.archived",
    ]);
  });

  it("answers 404 for another clinic's type or plan, and hides plans across clinics", async () => {
    const p = await plan();
    const e = await failure(
      createPackagePlan(
        t.db,
        other,
        packagePlanBody.parse({ name: "x", sessions: 2, typeIds: [setup.typeId], priceMinor: 1, validityDays: 9 }),
      ),
    );
    expect(e?.code).toBe("NOT_FOUND");
    expect((await failure(updatePackagePlan(t.db, other, p.id, { name: "Mine", version: 1 })))?.code).toBe("NOT_FOUND");
    expect((await listPackagePlans(t.db, other)).map((x) => x.id)).not.toContain(p.id);
    expect((await failure(listPackagePlans(t.db, tara)))?.code).toBe("FORBIDDEN");
  });
});

describe("plan validation", () => {
  it("names the field: sessions, validity, price, covered types", () => {
    const r = packagePlanBody.safeParse({
      name: " ",
      sessions: 0,
      typeIds: [setup.typeId, setup.typeId],
      priceMinor: -1,
      validityDays: 0,
    });
    const fields = new Set(r.error?.issues.map((i) => String(i.path[0])));
    expect([...fields].sort()).toEqual(["name", "priceMinor", "sessions", "typeIds", "validityDays"]);
  });
});

describe("selling a package", () => {
  it("issues an invoice for the plan's price and opens the client's package with its expiry", async () => {
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    const p = await plan();
    const sold = await sellPackage(t.db, admin, tom, { planId: p.id }, new Date("2026-12-06T23:30:00Z"));
    expect(sold.package).toMatchObject({ name: "5 treatments", sessionsTotal: 5, sessionsUsed: 0, sessionsLeft: 5 });
    // Demo Clinic is in Europe/London: 23:30 UTC on 6 December is still the 6th there.
    expect(sold.package.expiresOn).toBe("2027-06-04");
    const inv = await getInvoice(t.db, admin, sold.invoiceId);
    expect(inv).toMatchObject({ status: "issued", totalMinor: 25000, taxMinor: 4167, clientId: tom });
    expect(inv.lines[0]!.description).toBe("Package: 5 treatments (5 sessions)");
    const account = await getClientAccount(t.db, admin, tom);
    expect(account.owingMinor).toBe(25000);
    expect(account.packages.map((x) => x.id)).toEqual([sold.package.id]);
  });

  it("refuses an archived plan (400 on planId), another clinic's client or plan (404)", async () => {
    const maria = await clientIdByName(t.db, "Maria", "Lopez");
    const p = await plan();
    const gone = await plan();
    await updatePackagePlan(t.db, admin, gone.id, { archived: true, version: 1 });
    const e = await failure(sellPackage(t.db, admin, maria, { planId: gone.id }));
    expect(e?.fieldErrors?.planId).toBeDefined();
    expect((await failure(sellPackage(t.db, other, maria, { planId: p.id })))?.code).toBe("NOT_FOUND");
    const otherClient = await clientIdByName(t.db, "Noah", "Reed", "other-clinic");
    expect((await failure(sellPackage(t.db, other, otherClient, { planId: p.id })))?.code).toBe("NOT_FOUND");
    expect((await failure(listClientPackages(t.db, other, maria)))?.code).toBe("NOT_FOUND");
    expect(await packagesOf(maria)).toEqual([]);
  });
});

describe("redemption", () => {
  it("completing a covered appointment draws one session; its invoice line is zero-priced and says which", async () => {
    const ben = await clientIdByName(t.db, "Ben", "Walsh");
    const p = await plan();
    const sold = await sellPackage(t.db, admin, ben, { planId: p.id });
    const appt = await arrived(ben);
    await complete(appt);
    expect((await packagesOf(ben))[0]).toMatchObject({ sessionsUsed: 1, sessionsLeft: 4 });
    const inv = await invoiceAppointment(t.db, admin, appt);
    expect(inv.totalMinor).toBe(0);
    expect(inv.lines[0]!.description).toBe("Treatment 60 · Package: 5 treatments (session 1 of 5)");
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, sold.package.id));
    expect(events.map((e) => e.action)).toEqual(["client_package.sold", "client_package.session_drawn"]);
  });

  it("a client sees their own packages in the portal account, and no one else's", async () => {
    const sold = await sellPackage(t.db, admin, casey.clientId!, { planId: (await plan()).id });
    const mine = await getClientAccount(t.db, casey, casey.clientId!);
    expect(mine.packages).toEqual([expect.objectContaining({ id: sold.package.id, sessionsLeft: 5, expired: false })]);
    const tom = await clientIdByName(t.db, "Tom", "Okafor");
    expect((await failure(getClientAccount(t.db, casey, tom)))?.code).toBe("NOT_FOUND");
    expect((await failure(listClientPackages(t.db, casey, tom)))?.code).toBe("NOT_FOUND");
  });

  it("is idempotent per appointment and reversible: un-completing gives the session back", async () => {
    const hannah = await clientIdByName(t.db, "Hannah", "Kim");
    await sellPackage(t.db, admin, hannah, { planId: (await plan()).id });
    const appt = await arrived(hannah);
    const done = await complete(appt);
    // A second draw for the same appointment finds the first.
    await t.db.transaction((tx) => redeemForAppointment(tx, admin, appt));
    expect((await packagesOf(hannah))[0]!.sessionsUsed).toBe(1);
    const back = await setAppointmentStatus(t.db, admin, appt, { status: "arrived", version: done.version });
    expect((await packagesOf(hannah))[0]!.sessionsUsed).toBe(0);
    await complete(appt, back.version);
    expect((await packagesOf(hannah))[0]!.sessionsUsed).toBe(1);
    const draws = await t.db
      .select({ returnedAt: packageRedemptions.returnedAt })
      .from(packageRedemptions)
      .where(eq(packageRedemptions.appointmentId, appt));
    expect(draws.filter((d) => d.returnedAt === null)).toHaveLength(1);
    expect(draws).toHaveLength(2);
  });

  it("does not draw when the visit was already invoiced for its fee at arrival", async () => {
    const maria = await clientIdByName(t.db, "Maria", "Lopez");
    await sellPackage(t.db, admin, maria, { planId: (await plan()).id });
    const appt = await arrived(maria);
    expect((await invoiceAppointment(t.db, admin, appt)).totalMinor).toBe(6000);
    await complete(appt);
    expect((await packagesOf(maria))[0]!.sessionsUsed).toBe(0);
  });

  it("two completions at once never draw the same last session", async () => {
    const george = await clientIdByName(t.db, "George", "Brown");
    await sellPackage(t.db, admin, george, { planId: (await plan({ name: "Single", sessions: 1 })).id });
    const a = await arrived(george);
    const b = await arrived(george);
    const results = await Promise.allSettled([complete(a), complete(b)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    const [pkg] = await packagesOf(george);
    expect(pkg).toMatchObject({ sessionsUsed: 1, sessionsLeft: 0 });
    const draws = await t.db
      .select({ appointmentId: packageRedemptions.appointmentId })
      .from(packageRedemptions)
      .where(inArray(packageRedemptions.appointmentId, [a, b]));
    expect(draws).toHaveLength(1);
    // The appointment that found nothing left is charged its fee.
    const undrawn = draws[0]!.appointmentId === a ? b : a;
    expect((await invoiceAppointment(t.db, admin, undrawn)).totalMinor).toBe(6000);
  });

  it("draws from the oldest package with sessions left, never from an expired one", async () => {
    const aisha = await clientIdByName(t.db, "Aisha", "Bello");
    const p = await plan({ sessions: 1, validityDays: 30 });
    // Expired: sold on 1 Jan 2026, last day 31 Jan 2026.
    const expired = await sellPackage(t.db, admin, aisha, { planId: p.id }, new Date("2026-01-01T12:00:00Z"));
    const older = await sellPackage(t.db, admin, aisha, { planId: p.id }, new Date("2026-10-20T12:00:00Z"));
    const newer = await sellPackage(t.db, admin, aisha, { planId: p.id }, new Date("2026-10-25T12:00:00Z"));
    expect((await packagesOf(aisha)).find((x) => x.id === expired.package.id)?.expired).toBe(true);
    const first = await arrived(aisha, new Date("2026-11-10T10:00:00Z"));
    await complete(first);
    const second = await arrived(aisha, new Date("2026-11-12T10:00:00Z"));
    await complete(second);
    const third = await arrived(aisha, new Date("2026-11-13T10:00:00Z"));
    await complete(third);
    const used = Object.fromEntries((await packagesOf(aisha)).map((x) => [x.id, x.sessionsUsed]));
    expect(used).toEqual({ [expired.package.id]: 0, [older.package.id]: 1, [newer.package.id]: 1 });
    expect((await invoiceAppointment(t.db, admin, third)).totalMinor).toBe(6000);
  });

  it("does not draw for a type the package does not cover; the database refuses overdrawing", async () => {
    const luca = await clientIdByName(t.db, "Luca", "Rossi");
    const sold = await sellPackage(t.db, admin, luca, { planId: (await plan({ sessions: 1 })).id });
    const appt = await arrived(luca);
    const [typeOther] = await t.db
      .insert((await import("@/db/schema")).appointmentTypes)
      .values({ clinicId: admin.clinicId, name: "Assessment", durationMin: 60, bufferAfterMin: 0 })
      .returning();
    await t.db
      .update(appointments)
      .set({ typeId: typeOther!.id })
      .where(and(eq(appointments.clinicId, admin.clinicId), eq(appointments.id, appt)));
    await complete(appt);
    expect((await packagesOf(luca))[0]!.sessionsUsed).toBe(0);
    const overdraw = await failure(
      t.db
        .update(clientPackages)
        .set({ sessionsUsed: 2 })
        .where(and(eq(clientPackages.clinicId, admin.clinicId), eq(clientPackages.id, sold.package.id))),
    );
    expect(overdraw).not.toBeNull();
  });
});
