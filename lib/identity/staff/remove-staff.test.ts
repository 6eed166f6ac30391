import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, memberships } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/identity/actor";
import { setLoginDisabled } from "@/lib/identity/disable-login";
import { listMyDevices, signOutDevice, signOutOtherDevices } from "@/lib/identity/devices";
import { checkSession, startSession } from "@/lib/identity/sessions";
import { actorFor, clinicIdBySlug, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { removeStaffMember } from "./remove-staff-member";
import { removeStaffRole } from "./remove-staff-role";

let t: TestDb;
let admin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
});
afterAll(() => t?.close());

const FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

describe("removing staff", () => {
  it("removing the whole membership ends the person's access and sessions at once", async () => {
    const theo = await userIdByEmail(t.db, "therapist2@demo.test");
    const sid = await startSession(t.db, { userId: theo });
    expect(await removeStaffMember(t.db, admin, theo)).toEqual({ removed: ["therapist"], sessionsEnded: 1 });
    expect(await checkSession(t.db, sid)).toBeNull();
    expect(await loadActor(t.db, theo, admin.clinicId)).toBeNull();
    const [event] = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "staff.roles_removed"), eq(auditEvents.entityId, theo)));
    expect(event!.details).toMatchObject({ roles: ["therapist"], sessionsEnded: 1 });
  });

  it("a person who works in another clinic too loses this clinic only", async () => {
    const tara = await userIdByEmail(t.db, "therapist@demo.test");
    const other = await clinicIdBySlug(t.db, "other-clinic");
    await t.db.insert(memberships).values({ clinicId: other, userId: tara, role: "therapist" });
    const sid = await startSession(t.db, { userId: tara });
    expect(await removeStaffMember(t.db, admin, tara)).toEqual({ removed: ["therapist"], sessionsEnded: 0 });
    expect(await loadActor(t.db, tara, admin.clinicId)).toBeNull();
    expect(await checkSession(t.db, sid)).toEqual({ userId: tara });
    expect((await loadActor(t.db, tara, other))?.roles).toEqual(["therapist"]);
  });

  it("removing one role keeps the other", async () => {
    const owner = await userIdByEmail(t.db, "admin@demo.test");
    // A second admin who also treats.
    const olive = await userIdByEmail(t.db, "admin@other.test");
    await t.db.insert(memberships).values([
      { clinicId: admin.clinicId, userId: olive, role: "admin" },
      { clinicId: admin.clinicId, userId: olive, role: "therapist" },
    ]);
    expect(await removeStaffRole(t.db, admin, olive, "therapist")).toMatchObject({ removed: ["therapist"] });
    expect((await loadActor(t.db, olive, admin.clinicId))?.roles).toEqual(["admin"]);
    // Olive (now the other admin) may not remove the owner's admin role if it were the last; here it is not.
    const oliveActor = (await loadActor(t.db, olive, admin.clinicId))!;
    await expect(removeStaffRole(t.db, oliveActor, olive, "admin")).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await removeStaffRole(t.db, oliveActor, owner, "admin")).toMatchObject({ removed: ["admin"] });
    // Now Olive is the last admin: nobody can remove that role.
    await expect(removeStaffMember(t.db, oliveActor, olive)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("another clinic's people are not found, and only admins may remove", async () => {
    const otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
    const oscar = await userIdByEmail(t.db, "therapist@other.test");
    const demoClient = await userIdByEmail(t.db, "client@demo.test");
    const olive = await loadActor(t.db, await userIdByEmail(t.db, "admin@other.test"), admin.clinicId);
    await expect(removeStaffMember(t.db, olive!, oscar)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(removeStaffMember(t.db, olive!, demoClient)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const oscarActor = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expect(removeStaffMember(t.db, oscarActor, otherAdmin.userId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the platform operator's switch", () => {
  it("disabling a login ends its sessions and refuses new ones; enabling restores sign-in", async () => {
    const oscar = await userIdByEmail(t.db, "therapist@other.test");
    const sid = await startSession(t.db, { userId: oscar });
    expect(await setLoginDisabled(t.db, "Therapist@Other.test", true)).toEqual({ found: true, sessionsEnded: 1 });
    expect(await checkSession(t.db, sid)).toBeNull();
    expect(await setLoginDisabled(t.db, "therapist@other.test", false)).toEqual({ found: true, sessionsEnded: 0 });
    expect(await checkSession(t.db, await startSession(t.db, { userId: oscar }))).not.toBeNull();
    expect((await setLoginDisabled(t.db, "nobody@example.test", true)).found).toBe(false);
  });
});

describe("signed-in devices", () => {
  it("lists this login's live sessions with browser and system, and signs them out", async () => {
    const userId = await userIdByEmail(t.db, "client@demo.test");
    const here = await startSession(t.db, { userId, userAgent: FIREFOX, address: "203.0.113.4" });
    const phone = await startSession(t.db, { userId, userAgent: SAFARI_IPHONE, address: "198.51.100.9" });
    const laptop = await startSession(t.db, { userId, userAgent: FIREFOX });
    const session = { userId, clinicId: admin.clinicId, sessionId: here };
    const devices = await listMyDevices(t.db, session);
    expect(devices.find((d) => d.id === here)).toMatchObject({ browser: "Firefox", os: "Windows", current: true });
    expect(devices.find((d) => d.id === phone)).toMatchObject({ browser: "Safari", os: "iOS", current: false });

    // Someone else's session id changes nothing.
    const oscar = await userIdByEmail(t.db, "therapist@other.test");
    const theirs = await startSession(t.db, { userId: oscar });
    await signOutDevice(t.db, session, theirs);
    expect(await checkSession(t.db, theirs)).not.toBeNull();

    await signOutDevice(t.db, session, phone);
    expect(await checkSession(t.db, phone)).toBeNull();
    expect(await signOutOtherDevices(t.db, session)).toEqual({ ended: 1 });
    expect(await checkSession(t.db, laptop)).toBeNull();
    expect((await listMyDevices(t.db, session)).map((d) => d.id)).toEqual([here]);
  });
});
