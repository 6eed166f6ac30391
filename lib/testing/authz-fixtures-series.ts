import type { FixtureModule } from "./authz-fixture-module";

/** Fixtures for the series, waitlist and client-flag routes' authorization walk. */
export const seriesFixtures: FixtureModule = {};
