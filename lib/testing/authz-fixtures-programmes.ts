import type { FixtureModule } from "./authz-fixture-module";

/** Fixtures for the programmes routes' authorization walk. */
export const programmesFixtures: FixtureModule = {};
