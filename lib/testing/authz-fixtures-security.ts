import type { FixtureModule } from "./authz-fixture-module";
import { userIdByEmail } from "./db";

/** Fixtures for staff removal: a Demo Clinic therapist (Theo) and the role to remove. */
export const securityFixtures: FixtureModule = {
  buildParams: async (db) => ({ userId: await userIdByEmail(db, "therapist2@demo.test"), role: "therapist" }),
};
