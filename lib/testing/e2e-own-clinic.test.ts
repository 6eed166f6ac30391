import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEMO_CLIENTS, DEMO_CLINICS, DEMO_STAFF } from "@/db/seed/demo-people";

/**
 * Each e2e spec works in a clinic of its own (scripts/e2e-seed.ts, the `clinic` fixture of
 * e2e/fixtures.ts), so specs share no people and do not lean on the demo seed. This fails when a
 * spec names a demo account, person or clinic. The specs below are not converted yet: the list
 * may only shrink, and a spec that no longer names the demo must leave it.
 */
const NOT_YET_CONVERTED: string[] = [];

/**
 * Specs that test the demo itself, and so keep naming it: the demo clinic's seeded week of
 * appointments as the front desk first sees it (the seed's calendar is what `npm run dev` shows).
 */
const TESTS_THE_DEMO: Record<string, string> = {
  "calendar.spec.ts": "the day view of the demo week",
};

// Surnames that are ordinary words ("Casey Client") count only as part of the full name.
const GENERIC = new Set(["Client", "Other", "Admin", "Therapist"]);
const words = [
  ...DEMO_CLIENTS.flatMap((c) => [`${c.firstName} ${c.lastName}`, c.firstName, c.lastName]),
  ...DEMO_STAFF.flatMap((s) => [s.name, s.name.split(" ")[0]!]),
  ...DEMO_CLINICS.flatMap((c) => [c.name, c.slug]),
].filter((w) => !GENERIC.has(w));
const demoMention = new RegExp(`@demo\\.test|@other\\.test|\\b(?:${[...new Set(words)].join("|")})\\b`);

const e2eDir = path.resolve(__dirname, "../../e2e");
const specs = fs
  .readdirSync(e2eDir)
  .filter((f) => f.endsWith(".spec.ts"))
  .sort();
const mentionOf = (spec: string) => fs.readFileSync(path.join(e2eDir, spec), "utf8").match(demoMention)?.[0] ?? null;

describe("e2e specs use their own clinic, not the demo data", () => {
  it("no converted spec names a demo account, person or clinic", () => {
    const offenders = specs
      .filter((s) => !NOT_YET_CONVERTED.includes(s) && !(s in TESTS_THE_DEMO))
      .map((s) => [s, mentionOf(s)])
      .filter(([, m]) => m);
    expect(offenders, "use the spec's seeded clinic (the `clinic` fixture) instead").toEqual([]);
  });

  it("the not-yet-converted list only shrinks: a spec free of the demo leaves it", () => {
    const clean = NOT_YET_CONVERTED.filter((s) => !specs.includes(s) || !mentionOf(s));
    expect(clean, "remove these from NOT_YET_CONVERTED").toEqual([]);
  });

  it("the specs that test the demo itself still do", () => {
    expect(Object.keys(TESTS_THE_DEMO).filter((s) => !mentionOf(s))).toEqual([]);
  });
});
