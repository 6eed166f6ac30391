import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { emailOutbox, passwordResets } from "@/db/schema";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { freshDb, tokenFromLink, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { BAD_CREDENTIALS, SignInError, verifySignIn } from "./login";
import {
  completePasswordReset,
  isResetTokenUsable,
  MAX_OPEN_RESETS_PER_HOUR,
  requestPasswordReset,
} from "./password-reset";
import { hashToken } from "./tokens";

const BASE = "http://knotwork.test";
const NEW_PASSWORD = "a-fresh-long-password";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const count = async (table: typeof emailOutbox | typeof passwordResets) =>
  (await t.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe("password reset", () => {
  it("queues a link, which sets a new password once", async () => {
    const { link } = await requestPasswordReset(t.db, "Therapist2@Demo.test", BASE);
    expect(link).toMatch(/^http:\/\/knotwork\.test\/reset-password\/[\w-]{40,}$/);
    const token = tokenFromLink(link);

    const mail = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "password.reset"));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: "therapist2@demo.test", clinicId: null, status: "pending" });
    expect(mail[0]!.bodyText).toContain(link);
    // HTML from the same react-email layout as appointment messages, with the link as its button.
    expect(mail[0]!.bodyHtml).toContain(`href="${link}"`);
    expect(mail[0]!.bodyHtml).toContain("Choose a new password");
    // Only the hash is stored.
    const [reset] = await t.db
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.userId, await userIdByEmail(t.db, "therapist2@demo.test")));
    expect(reset?.tokenHash).toBe(hashToken(token));
    expect(await isResetTokenUsable(t.db, token)).toBe(true);

    expect(await completePasswordReset(t.db, token, NEW_PASSWORD)).toEqual({ email: "therapist2@demo.test" });
    expect((await verifySignIn(t.db, { email: "therapist2@demo.test", password: NEW_PASSWORD })).email).toBe(
      "therapist2@demo.test",
    );
    const old = await verifySignIn(t.db, { email: "therapist2@demo.test", password: DEMO_PASSWORD }).catch(
      (e: unknown) => e,
    );
    expect(old).toBeInstanceOf(SignInError);
    expect((old as Error).message).toBe(BAD_CREDENTIALS);

    // A used link is refused.
    expect(await isResetTokenUsable(t.db, token)).toBe(false);
    const again = await rejection(completePasswordReset(t.db, token, "yet-another-password"));
    expect(again.code).toBe("INVALID");
    expect(again.fieldErrors?.token).toBeDefined();
    expect((await verifySignIn(t.db, { email: "therapist2@demo.test", password: NEW_PASSWORD })).email).toBe(
      "therapist2@demo.test",
    );
  });

  it("writes nothing for an unknown email, and answers the same way", async () => {
    const [outbox, resets] = [await count(emailOutbox), await count(passwordResets)];
    expect(await requestPasswordReset(t.db, "nobody@example.test", BASE)).toEqual({ link: null });
    expect([await count(emailOutbox), await count(passwordResets)]).toEqual([outbox, resets]);
  });

  it("refuses an expired link", async () => {
    const { link } = await requestPasswordReset(t.db, "admin@other.test", BASE);
    const token = tokenFromLink(link);
    await t.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(passwordResets.tokenHash, hashToken(token)));
    expect((await rejection(completePasswordReset(t.db, token, NEW_PASSWORD))).code).toBe("INVALID");
    expect((await verifySignIn(t.db, { email: "admin@other.test", password: DEMO_PASSWORD })).email).toBe(
      "admin@other.test",
    );
  });

  it("lifts a sign-in lockout: proving the mailbox restarts the failure count", async () => {
    for (let i = 0; i < config().LOGIN_MAX_FAILURES; i++) {
      await verifySignIn(t.db, { email: "therapist@other.test", password: "wrong-password" }).catch(() => undefined);
    }
    const locked = await verifySignIn(t.db, { email: "therapist@other.test", password: DEMO_PASSWORD }).catch(
      (e: unknown) => e,
    );
    expect((locked as Error).message).not.toBe(BAD_CREDENTIALS);
    const { link } = await requestPasswordReset(t.db, "therapist@other.test", BASE);
    await completePasswordReset(t.db, tokenFromLink(link), NEW_PASSWORD);
    expect((await verifySignIn(t.db, { email: "therapist@other.test", password: NEW_PASSWORD })).email).toBe(
      "therapist@other.test",
    );
  });

  it("stops mailing an account after a few open links in an hour, answering exactly as for an unknown address", async () => {
    const email = "admin@demo.test";
    const sent = await Promise.all(
      Array.from({ length: MAX_OPEN_RESETS_PER_HOUR + 3 }, () => requestPasswordReset(t.db, email, BASE)),
    );
    expect(sent.filter((r) => r.link).length).toBe(MAX_OPEN_RESETS_PER_HOUR);
    expect(sent.filter((r) => !r.link).every((r) => JSON.stringify(r) === JSON.stringify({ link: null }))).toBe(true);
    const userId = await userIdByEmail(t.db, email);
    const outstanding = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(eq(passwordResets.userId, userId));
    expect(outstanding[0]!.n).toBe(MAX_OPEN_RESETS_PER_HOUR);
    // Using one link closes them all, so the person can ask again.
    await completePasswordReset(t.db, tokenFromLink(sent.find((r) => r.link)!.link), NEW_PASSWORD);
    expect((await requestPasswordReset(t.db, email, BASE)).link).not.toBeNull();
  });
});
