import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { config } from "@/lib/config";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { BAD_CREDENTIALS, TOO_MANY_ATTEMPTS, SignInError, verifySignIn } from "./login";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const { LOGIN_MAX_FAILURES: max, LOGIN_WINDOW_MINUTES: minutes } = config();

async function signInError(email: string, password: string): Promise<string> {
  const err = await verifySignIn(t.db, { email, password }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SignInError);
  return (err as SignInError).message;
}

async function fail(email: string, times: number) {
  // A different wrong password each time: one password repeated across tests would meet the spraying limit.
  for (let i = 0; i < times; i++) expect(await signInError(email, `wrong-password-${i}`)).toBe(BAD_CREDENTIALS);
}

describe("verifySignIn", () => {
  it("uses the documented limit", () => {
    expect(max).toBe(10);
  });

  it("signs in with the right password, whatever the email's case", async () => {
    expect(await verifySignIn(t.db, { email: " Admin@Demo.TEST ", password: DEMO_PASSWORD })).toMatchObject({
      email: "admin@demo.test",
      name: "Alex Admin",
    });
  });

  it("gives one answer for a wrong password and an unknown account", async () => {
    expect(await signInError("admin@demo.test", "not-it")).toBe(BAD_CREDENTIALS);
    expect(await signInError("nobody@demo.test", DEMO_PASSWORD)).toBe(BAD_CREDENTIALS);
    expect(await signInError("not-an-email", DEMO_PASSWORD)).toBe(BAD_CREDENTIALS);
  });

  it(`refuses the attempt after ${max} failures even with the right password, per account`, async () => {
    await fail("therapist@demo.test", max);
    expect(await signInError("therapist@demo.test", DEMO_PASSWORD)).toBe(TOO_MANY_ATTEMPTS(minutes));
    expect(await signInError("THERAPIST@demo.test", DEMO_PASSWORD)).toBe(TOO_MANY_ATTEMPTS(minutes));
    // Another account is not affected.
    expect((await verifySignIn(t.db, { email: "therapist2@demo.test", password: DEMO_PASSWORD })).email).toBe(
      "therapist2@demo.test",
    );
  });

  it("restarts the count after a successful sign-in", async () => {
    await fail("admin@other.test", max - 1);
    await verifySignIn(t.db, { email: "admin@other.test", password: DEMO_PASSWORD });
    await fail("admin@other.test", max - 1);
    expect((await verifySignIn(t.db, { email: "admin@other.test", password: DEMO_PASSWORD })).email).toBe(
      "admin@other.test",
    );
  });
});
