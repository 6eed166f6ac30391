import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray, sql } from "drizzle-orm";
import { auditEvents, loginAttempts, rateLimits } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { acceptInvitation } from "@/lib/identity/invitations/accept-invitation";
import { inviteStaff } from "@/lib/identity/invitations/invite-staff";
import { acceptInvitationBody } from "@/lib/identity/invitations/schemas";
import { actorFor, freshDb, tokenFromLink, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { BAD_CREDENTIALS, SignInError, TOO_MANY_ATTEMPTS, verifySignIn } from "./login";
import { requestPasswordReset, TOO_MANY_RESETS } from "./password-reset";
import { pruneRateLimits } from "./rate-limit";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const cfg = config();
const rand = () => Math.random().toString(36).slice(2, 10);

/** Settles every attempt and sorts the outcomes by message. */
async function outcomes(attempts: Promise<unknown>[]) {
  const settled = await Promise.allSettled(attempts);
  const messages = settled.map((s) =>
    s.status === "fulfilled" ? "ok" : s.reason instanceof Error ? s.reason.message : String(s.reason),
  );
  return (m: string) => messages.filter((x) => x === m).length;
}

/** Attempts that reached password verification leave a login_attempts row; refused ones do not. */
async function evaluated(emails: string[]) {
  const [row] = await t.db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(inArray(loginAttempts.email, emails));
  return row!.n;
}

describe("sign-in throttling", () => {
  it("of 40 simultaneous wrong passwords on one account, at most the limit are evaluated", async () => {
    const email = "therapist@demo.test";
    const count = await outcomes(
      Array.from({ length: 40 }, (_, i) => verifySignIn(t.db, { email, password: `wrong-${i}` })),
    );
    const checked = await evaluated([email]);
    expect(checked).toBeLessThanOrEqual(cfg.LOGIN_MAX_FAILURES);
    expect(checked).toBeGreaterThan(0);
    expect(count(BAD_CREDENTIALS)).toBe(checked);
    expect(count(BAD_CREDENTIALS) + count(TOO_MANY_ATTEMPTS(cfg.LOGIN_WINDOW_MINUTES))).toBe(40);
    // Each evaluated failure is in the clinic's audit trail, with no actor.
    const userId = await userIdByEmail(t.db, email);
    const events = await t.db
      .select({ actor: auditEvents.actorUserId, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "signin.failed"), eq(auditEvents.entityId, userId)));
    expect(events).toHaveLength(checked);
    expect(events[0]).toMatchObject({ actor: null, details: { via: "signin" } });
    // Even the right password is refused until the window ends.
    await expect(verifySignIn(t.db, { email, password: DEMO_PASSWORD })).rejects.toThrow(
      TOO_MANY_ATTEMPTS(cfg.LOGIN_WINDOW_MINUTES),
    );
    // ... and then it works again.
    const later = new Date(Date.now() + (cfg.LOGIN_WINDOW_MINUTES + 1) * 60_000);
    expect((await verifySignIn(t.db, { email, password: DEMO_PASSWORD }, { now: later })).email).toBe(email);
  });

  it("one password sprayed across 50 accounts from one address is stopped at the address limit", async () => {
    const emails = Array.from({ length: 50 }, () => `spray-${rand()}@example.test`);
    const address = "198.51.100.7";
    const count = await outcomes(
      emails.map((email) => verifySignIn(t.db, { email, password: `Summer2030-${rand()}` }, { address })),
    );
    expect(await evaluated(emails)).toBe(cfg.LOGIN_MAX_PER_ADDRESS);
    expect(count(BAD_CREDENTIALS)).toBe(cfg.LOGIN_MAX_PER_ADDRESS);
  });

  it("one password sprayed across 50 accounts from 50 addresses is stopped at the password limit", async () => {
    const emails = Array.from({ length: 50 }, () => `spray-${rand()}@example.test`);
    const password = `Winter2030-${rand()}`;
    await outcomes(emails.map((email, i) => verifySignIn(t.db, { email, password }, { address: `192.0.2.${i + 1}` })));
    expect(await evaluated(emails)).toBe(cfg.LOGIN_MAX_PER_PASSWORD);
  });

  it("successful sign-ins from a shared clinic address do not use up its budget", async () => {
    const address = "203.0.113.99";
    for (let i = 0; i < cfg.LOGIN_MAX_PER_ADDRESS + 5; i++) {
      await verifySignIn(t.db, { email: "admin@demo.test", password: DEMO_PASSWORD }, { address });
    }
    expect(
      (await verifySignIn(t.db, { email: "therapist2@demo.test", password: DEMO_PASSWORD }, { address })).email,
    ).toBe("therapist2@demo.test");
  });

  it("expired counters are pruned", async () => {
    const far = new Date(Date.now() + 2 * 24 * 60 * 60_000);
    expect(await pruneRateLimits(t.db, far)).toBeGreaterThan(0);
    const [left] = await t.db.select({ n: sql<number>`count(*)::int` }).from(rateLimits);
    expect(left!.n).toBe(0);
  });
});

describe("password reset requests", () => {
  it(`are limited to ${cfg.RESET_MAX_PER_ADDRESS} an hour per address, known account or not`, async () => {
    const address = "198.51.100.200";
    const results = await outcomes(
      Array.from({ length: 15 }, () =>
        requestPasswordReset(t.db, `nobody-${rand()}@example.test`, "http://knotwork.test", { address }),
      ),
    );
    expect(results("ok")).toBe(cfg.RESET_MAX_PER_ADDRESS);
    expect(results(TOO_MANY_RESETS)).toBe(15 - cfg.RESET_MAX_PER_ADDRESS);
    // Another address is unaffected; an hour later this one is too.
    await requestPasswordReset(t.db, "nobody@example.test", "http://knotwork.test", { address: "198.51.100.201" });
    await requestPasswordReset(t.db, "nobody@example.test", "http://knotwork.test", {
      address,
      now: new Date(Date.now() + 61 * 60_000),
    });
  });
});

describe("accepting an invitation for an existing login", () => {
  it("counts a wrong password as a failed sign-in: limited, and recorded in the inviting clinic", async () => {
    const admin = await actorFor(t.db, "admin@demo.test");
    const invite = await inviteStaff(
      t.db,
      admin,
      { email: "therapist@other.test", role: "therapist" },
      "http://x.test",
    );
    const token = tokenFromLink(invite.link);
    const attempt = (password: string) =>
      acceptInvitation(t.db, acceptInvitationBody.parse({ token, password, confirmPassword: password }), {
        address: "198.51.100.50",
      });
    const settled = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => attempt(`guess-number-${i}`)));
    const errors = settled.map((s) => (s.status === "rejected" ? (s.reason as AppError) : null));
    expect(errors.every((e) => e instanceof AppError)).toBe(true);
    const wrong = errors.filter((e) => e!.code === "INVALID").length;
    const limited = errors.filter((e) => e!.code === "RATE_LIMITED").length;
    expect(wrong).toBeLessThanOrEqual(cfg.LOGIN_MAX_FAILURES);
    expect(wrong + limited).toBe(40);
    expect(await evaluated(["therapist@other.test"])).toBe(wrong);

    const userId = await userIdByEmail(t.db, "therapist@other.test");
    const inDemo = await t.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.clinicId, admin.clinicId),
          eq(auditEvents.action, "signin.failed"),
          eq(auditEvents.entityId, userId),
        ),
      );
    expect(inDemo).toHaveLength(wrong);
    expect(inDemo[0]!.details).toMatchObject({ via: "invitation", address: "198.51.100.50" });
    // The login's own sign-in is locked too: the two doors share one counter.
    const err = await verifySignIn(t.db, { email: "therapist@other.test", password: DEMO_PASSWORD }).catch((e) => e);
    expect(err).toBeInstanceOf(SignInError);
    expect((err as SignInError).message).toBe(TOO_MANY_ATTEMPTS(cfg.LOGIN_WINDOW_MINUTES));
  });
});
