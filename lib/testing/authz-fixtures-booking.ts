import type { FixtureModule } from "./authz-fixture-module";

/** Fixtures for the booking routes' authorization walk. */
export const bookingFixtures: FixtureModule = {};
