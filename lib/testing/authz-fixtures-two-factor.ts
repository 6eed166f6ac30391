import { users, userTotp } from "@/db/schema";
import { sealSecret } from "@/lib/identity/two-factor/secret-box";
import { totpCodeAt } from "@/lib/identity/two-factor/rules/totp";
import type { Db } from "@/db/client";
import type { FixtureModule } from "./authz-fixture-module";

// A fixed test secret: every login gets it, so the body's code is valid for whoever calls.
const SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

async function enrolEveryone(db: Db, confirmed: boolean): Promise<{ code: string }> {
  const all = await db.select({ id: users.id }).from(users);
  const values = { secretSealed: sealSecret(SECRET), confirmedAt: confirmed ? new Date() : null, lastUsedStep: null };
  for (const u of all) {
    await db
      .insert(userTotp)
      .values({ userId: u.id, ...values })
      .onConflictDoUpdate({ target: userTotp.userId, set: values });
  }
  return { code: totpCodeAt(SECRET, new Date()) };
}

/** Two-factor routes act on the caller's own login: confirming needs a pending enrolment, the rest an active one. */
export const twoFactorFixtures: FixtureModule = {
  dynamicBodies: {
    confirmTwoFactor: { make: (w) => enrolEveryone(w.db, false) },
    regenerateRecoveryCodes: { make: (w) => enrolEveryone(w.db, true) },
    disableTwoFactor: { make: (w) => enrolEveryone(w.db, true) },
  },
};
