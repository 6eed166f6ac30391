import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, like } from "drizzle-orm";
import { auditEvents, clinics, twoFactorAttempts, userTotp } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { freshDb, actorFor, sessionFor, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { loadActor } from "@/lib/identity/actor";
import { AppError } from "@/lib/errors";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { listStaff } from "@/lib/identity/staff/list-staff";
import { GET as listClientsRoute } from "@/app/api/clients/route";
import {
  confirmTwoFactor,
  disableTwoFactor,
  getTwoFactorStatus,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
} from "./enrolment";
import { requireSecondFactor, TWO_FACTOR_NEEDED, SecondFactorError } from "./sign-in-step";
import { MAX_CODE_FAILURES, refusalMessage } from "./verify-code";
import { totpCodeAt } from "./rules/totp";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

// An injected clock: each call to step(k) is a moment k time steps after the test's start.
const start = Date.now();
const step = (k: number) => new Date(start + k * 30_000);

async function errorOf(p: Promise<unknown>): Promise<Error> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  return err as Error;
}

/** Enrols a demo login; returns its secret and recovery codes. */
async function enrol(email: string, k = 0) {
  const userId = await userIdByEmail(t.db, email);
  const setup = await startTwoFactorSetup(t.db, userId);
  const { recoveryCodes } = await confirmTwoFactor(t.db, userId, { code: totpCodeAt(setup.secret, step(k)) }, step(k));
  return { userId, secret: setup.secret, recoveryCodes };
}

describe("enrolment", () => {
  it("shows a QR code and the secret, and switches on only after a first valid code", async () => {
    const userId = await userIdByEmail(t.db, "therapist2@demo.test");
    const setup = await startTwoFactorSetup(t.db, userId);
    expect(setup.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(setup.qrDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    // Stored sealed, never as the plain secret.
    const [row] = await t.db.select().from(userTotp).where(eq(userTotp.userId, userId));
    expect(row!.secretSealed).not.toContain(setup.secret);
    expect(await getTwoFactorStatus(t.db, userId, null)).toMatchObject({ enabled: false, pending: true });
    // Sign-in is unchanged while pending.
    await expect(requireSecondFactor(t.db, userId, undefined)).resolves.toBeUndefined();

    const wrong = await errorOf(confirmTwoFactor(t.db, userId, { code: "000000" }, step(0)));
    expect((wrong as AppError).code).toBe("INVALID");
    const { recoveryCodes } = await confirmTwoFactor(
      t.db,
      userId,
      { code: totpCodeAt(setup.secret, step(0)) },
      step(0),
    );
    expect(recoveryCodes).toHaveLength(10);
    expect(await getTwoFactorStatus(t.db, userId, null)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // Already on: a new set-up is a conflict (turn off first).
    expect(((await errorOf(startTwoFactorSetup(t.db, userId))) as AppError).code).toBe("CONFLICT");
  });
});

describe("sign-in with a code", () => {
  it("asks for a code after the password, accepts the right one once, and refuses a replay", async () => {
    const { userId, secret } = await enrol("admin@other.test");
    const needed = await errorOf(requireSecondFactor(t.db, userId, ""));
    expect(needed).toBeInstanceOf(SecondFactorError);
    expect(needed.message).toBe(TWO_FACTOR_NEEDED);

    const code = totpCodeAt(secret, step(2));
    await expect(requireSecondFactor(t.db, userId, code, step(2))).resolves.toBeUndefined();
    expect((await errorOf(requireSecondFactor(t.db, userId, code, step(2)))).message).toBe(refusalMessage("replayed"));
    // Still refused in the next step, while the window would otherwise accept it.
    expect((await errorOf(requireSecondFactor(t.db, userId, code, step(3)))).message).toBe(refusalMessage("replayed"));
    // An older code (the confirmation step's) is refused too: steps only move forward.
    const older = totpCodeAt(secret, step(1));
    expect((await errorOf(requireSecondFactor(t.db, userId, older, step(2)))).message).toBe(refusalMessage("replayed"));
    await expect(requireSecondFactor(t.db, userId, totpCodeAt(secret, step(4)), step(4))).resolves.toBeUndefined();
  });

  it(`evaluates at most ${MAX_CODE_FAILURES} wrong codes per account, even 20 at once`, async () => {
    const { userId, secret } = await enrol("therapist@other.test");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => requireSecondFactor(t.db, userId, String(100000 + i), step(1))),
    );
    const messages = results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "accepted"));
    expect(messages.filter((m) => m === refusalMessage("wrong"))).toHaveLength(MAX_CODE_FAILURES);
    expect(messages.filter((m) => m === refusalMessage("limited"))).toHaveLength(20 - MAX_CODE_FAILURES);
    const rows = await t.db.select().from(twoFactorAttempts).where(eq(twoFactorAttempts.userId, userId));
    expect(rows.filter((r) => !r.succeeded)).toHaveLength(MAX_CODE_FAILURES);
    // The right code is refused too until the window has passed.
    const right = totpCodeAt(secret, step(2));
    expect((await errorOf(requireSecondFactor(t.db, userId, right, step(2)))).message).toBe(refusalMessage("limited"));
    await expect(requireSecondFactor(t.db, userId, totpCodeAt(secret, step(32)), step(32))).resolves.toBeUndefined();
    // Failed and passed checks are in the clinic's audit trail.
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, userId), like(auditEvents.action, "two_factor.%")));
    const actions = events.map((e) => e.action);
    expect(actions.filter((a) => a === "two_factor.check_failed").length).toBeGreaterThanOrEqual(20);
    expect(actions).toContain("two_factor.check_passed");
  });

  it("accepts each recovery code once, even when sent twice at the same moment", async () => {
    const { userId, recoveryCodes } = await enrol("client@other.test");
    const [first, second] = recoveryCodes;
    const both = await Promise.allSettled([
      requireSecondFactor(t.db, userId, first, step(1)),
      requireSecondFactor(t.db, userId, first!.toUpperCase(), step(1)),
    ]);
    expect(both.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await errorOf(requireSecondFactor(t.db, userId, first, step(1)))).message).toBe(refusalMessage("wrong"));
    await expect(requireSecondFactor(t.db, userId, second!.replace(/-/g, " "), step(1))).resolves.toBeUndefined();
    expect(await getTwoFactorStatus(t.db, userId, null)).toMatchObject({ recoveryCodesLeft: 8 });

    // New codes replace the old ones.
    const fresh = await regenerateRecoveryCodes(t.db, userId, { password: DEMO_PASSWORD }, step(1));
    expect((await errorOf(requireSecondFactor(t.db, userId, recoveryCodes[2], step(1)))).message).toBe(
      refusalMessage("wrong"),
    );
    await expect(requireSecondFactor(t.db, userId, fresh.recoveryCodes[0], step(1))).resolves.toBeUndefined();
  });

  it("turns off only with the right password or a code", async () => {
    const userId = await userIdByEmail(t.db, "client@other.test");
    const wrong = (await errorOf(disableTwoFactor(t.db, userId, { password: "not-it" }, step(5)))) as AppError;
    expect(wrong.code).toBe("INVALID");
    expect(wrong.fieldErrors).toHaveProperty("password");
    await disableTwoFactor(t.db, userId, { password: DEMO_PASSWORD }, step(5));
    expect(await getTwoFactorStatus(t.db, userId, null)).toMatchObject({ enabled: false, pending: false });
    await expect(requireSecondFactor(t.db, userId, undefined)).resolves.toBeUndefined();
  });
});

describe("a clinic that requires two-factor for staff", () => {
  it("withholds staff roles until enrolment, and never requires it of clients", async () => {
    const admin = await actorFor(t.db, "admin@demo.test");
    const settings = await getClinicSettings(t.db, admin);
    // The admin cannot lock themself out: their own enrolment comes first.
    const refused = (await errorOf(
      updateClinicSettings(t.db, admin, { ...settings, requireTwoFactor: true }),
    )) as AppError;
    expect(refused.code).toBe("CONFLICT");
    await enrol("admin@demo.test");
    await updateClinicSettings(t.db, admin, { ...settings, requireTwoFactor: true });
    const [c] = await t.db.select({ r: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, admin.clinicId));
    expect(c!.r).toBe(true);

    const therapist = await sessionFor(t.db, "therapist@demo.test", "demo-clinic");
    const pending = await loadActor(t.db, therapist.userId, therapist.clinicId);
    expect(pending).toMatchObject({ twoFactorSetupRequired: true, roles: [] });
    const res = await listClientsRoute.invoke(
      new Request("http://localhost/api/clients"),
      {},
      {
        db: t.db,
        session: therapist,
      },
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/two-factor/);

    // The client is not affected.
    const client = await sessionFor(t.db, "client@demo.test", "demo-clinic");
    expect(await loadActor(t.db, client.userId, client.clinicId)).toMatchObject({
      twoFactorSetupRequired: false,
      roles: ["client"],
    });

    // Admins see who has enrolled.
    const staff = await listStaff(t.db, await actorFor(t.db, "admin@demo.test"));
    expect(staff.find((m) => m.email === "admin@demo.test")?.twoFactorEnabled).toBe(true);
    expect(staff.find((m) => m.email === "therapist@demo.test")?.twoFactorEnabled).toBe(false);

    await enrol("therapist@demo.test");
    const enrolled = await loadActor(t.db, therapist.userId, therapist.clinicId);
    expect(enrolled).toMatchObject({ twoFactorSetupRequired: false, roles: ["therapist"] });
    const ok = await listClientsRoute.invoke(
      new Request("http://localhost/api/clients"),
      {},
      {
        db: t.db,
        session: therapist,
      },
    );
    expect(ok.status).toBe(200);
  });
});
