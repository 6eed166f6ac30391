import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { clinics, sessions, users } from "@/db/schema";
import { freshDb, clinicIdBySlug, tokenFromLink, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { completePasswordReset, requestPasswordReset } from "./password-reset";
import { changePassword } from "./change-password";
import { verifySignIn } from "./login";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { ABSOLUTE_LIFETIME_MS, checkSession, endSession, endUserSessions, startSession } from "./sessions";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const MIN = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("server-side sessions", () => {
  it("a signed-out session is dead for every copy of its cookie", async () => {
    const userId = await userIdByEmail(t.db, "therapist@demo.test");
    const sid = await startSession(t.db, { userId, userAgent: "Firefox", address: "203.0.113.5" });
    expect(await checkSession(t.db, sid)).toEqual({ userId });
    await endSession(t.db, sid, "signed_out");
    expect(await checkSession(t.db, sid)).toBeNull();
  });

  it("refuses ids that name no session, and garbage", async () => {
    expect(await checkSession(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await checkSession(t.db, "not-a-uuid")).toBeNull();
    expect(await checkSession(t.db, undefined)).toBeNull();
  });

  it("ends a staff session after the clinic's idle timeout, and activity keeps it alive", async () => {
    const userId = await userIdByEmail(t.db, "therapist@demo.test");
    const t0 = new Date("2030-01-01T09:00:00Z");
    const sid = await startSession(t.db, { userId }, t0);
    // Active every 20 minutes for two hours: never idle for 30.
    for (let m = 20; m <= 120; m += 20) expect(await checkSession(t.db, sid, at(t0, m * MIN))).not.toBeNull();
    // Then 30 minutes of nothing.
    expect(await checkSession(t.db, sid, at(t0, 150 * MIN))).toBeNull();
    // Ended for good, even if the clock were wound back.
    expect(await checkSession(t.db, sid, at(t0, 121 * MIN))).toBeNull();
    const [row] = await t.db.select().from(sessions).where(eq(sessions.id, sid));
    expect(row!.endedReason).toBe("idle");
  });

  it("takes the idle limit from the clinic setting, read live", async () => {
    const userId = await userIdByEmail(t.db, "admin@demo.test");
    const clinicId = await clinicIdBySlug(t.db, "demo-clinic");
    const t0 = new Date("2030-01-02T09:00:00Z");
    const sid = await startSession(t.db, { userId }, t0);
    await t.db.update(clinics).set({ staffIdleTimeoutMinutes: 10 }).where(eq(clinics.id, clinicId));
    try {
      expect(await checkSession(t.db, sid, at(t0, 9 * MIN))).not.toBeNull();
      expect(await checkSession(t.db, sid, at(t0, 19 * MIN + 1))).toBeNull();
    } finally {
      await t.db.update(clinics).set({ staffIdleTimeoutMinutes: 30 }).where(eq(clinics.id, clinicId));
    }
  });

  it("has an absolute lifetime of 12 hours however active", async () => {
    const userId = await userIdByEmail(t.db, "therapist2@demo.test");
    const t0 = new Date("2030-01-03T08:00:00Z");
    const sid = await startSession(t.db, { userId }, t0);
    for (let m = 10; m < ABSOLUTE_LIFETIME_MS / MIN; m += 10) {
      expect(await checkSession(t.db, sid, at(t0, m * MIN))).not.toBeNull();
    }
    expect(await checkSession(t.db, sid, at(t0, ABSOLUTE_LIFETIME_MS))).toBeNull();
  });

  it("clients (portal only) have no idle timeout, but the same absolute lifetime", async () => {
    const [client] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, "client@demo.test"));
    const t0 = new Date("2030-01-04T08:00:00Z");
    const sid = await startSession(t.db, { userId: client!.id }, t0);
    expect(await checkSession(t.db, sid, at(t0, 3 * 60 * MIN))).not.toBeNull();
    expect(await checkSession(t.db, sid, at(t0, ABSOLUTE_LIFETIME_MS + 1))).toBeNull();
  });

  it("a disabled login's sessions stop working at once", async () => {
    const userId = await userIdByEmail(t.db, "therapist2@demo.test");
    const sid = await startSession(t.db, { userId });
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, userId));
    try {
      expect(await checkSession(t.db, sid)).toBeNull();
    } finally {
      await t.db.update(users).set({ disabledAt: null }).where(eq(users.id, userId));
    }
  });

  it("a password reset ends every session of the login", async () => {
    const userId = await userIdByEmail(t.db, "admin@other.test");
    const a = await startSession(t.db, { userId });
    const b = await startSession(t.db, { userId });
    const { link } = await requestPasswordReset(t.db, "admin@other.test", "http://knotwork.test");
    await completePasswordReset(t.db, tokenFromLink(link), "a-brand-new-long-password");
    expect(await checkSession(t.db, a)).toBeNull();
    expect(await checkSession(t.db, b)).toBeNull();
  });

  it("'sign out everywhere else' keeps this browser only", async () => {
    const userId = await userIdByEmail(t.db, "therapist@demo.test");
    const here = await startSession(t.db, { userId });
    const there = await startSession(t.db, { userId });
    expect(await endUserSessions(t.db, userId, "signed_out_elsewhere", { keep: here })).toBeGreaterThanOrEqual(1);
    expect(await checkSession(t.db, here)).not.toBeNull();
    expect(await checkSession(t.db, there)).toBeNull();
  });

  it("a password change ends every OTHER session; a wrong current password changes nothing", async () => {
    const userId = await userIdByEmail(t.db, "therapist@other.test");
    const here = await startSession(t.db, { userId });
    const there = await startSession(t.db, { userId });
    const session = { userId, clinicId: null, sessionId: here };
    const next = "another-long-passphrase";
    await expect(
      changePassword(t.db, session, { currentPassword: "not-it", newPassword: next, confirmPassword: next }),
    ).rejects.toMatchObject({
      code: "INVALID",
      fieldErrors: { currentPassword: ["That is not your current password."] },
    });
    expect(await checkSession(t.db, there)).not.toBeNull();
    expect(
      await changePassword(t.db, session, { currentPassword: DEMO_PASSWORD, newPassword: next, confirmPassword: next }),
    ).toEqual({ otherSessionsEnded: 1 });
    expect(await checkSession(t.db, here)).toEqual({ userId });
    expect(await checkSession(t.db, there)).toBeNull();
    expect((await verifySignIn(t.db, { email: "therapist@other.test", password: next })).id).toBe(userId);
  });
});
