import type { FixtureModule } from "./authz-fixture-module";

/** Fixtures for the calendar routes' authorization walk. */
export const calendarFixtures: FixtureModule = {};
