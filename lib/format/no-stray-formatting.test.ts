import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * A guard for issue #12 item 10: every date and time the product shows goes through
 * lib/format/clinic-format.ts (the clinic's locale and zone). A stray toLocaleString() follows the
 * browser or the server; a hard-coded "en-GB" ignores the clinic's setting.
 */
const ROOT = join(__dirname, "..", "..");

// Files that build Intl date formatters to COMPUTE (a YYYY-MM-DD key, validating a zone, the
// TZNAME an .ics file carries), never to show a date in the clinic's words.
const COMPUTES_ONLY = new Set([
  "lib/format/clinic-format.ts",
  "lib/format/clinic-locales.ts",
  "lib/format/zoned.ts",
  "lib/scheduling/calendar-feed/vtimezone.ts",
  "lib/billing/rules/dates.ts",
  "lib/programmes/adherence.ts",
]);

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const files = [...sources("app"), ...sources("lib")].map((p) => ({
  path: relative(ROOT, join(ROOT, p)).split("\\").join("/"),
  text: readFileSync(join(ROOT, p), "utf8"),
}));

function offenders(pattern: RegExp, allowed: Set<string> = new Set()) {
  return files
    .filter((f) => !allowed.has(f.path))
    .flatMap((f) =>
      f.text
        .split("\n")
        .map((line, i) => ({ line, at: `${f.path}:${i + 1}` }))
        .filter(({ line }) => pattern.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
}

describe("dates and times go through the clinic format", () => {
  it("reads the sources it guards", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.some((f) => f.path === "app/(staff)/calendar/_components/calendar-view.tsx")).toBe(true);
  });

  it("has no toLocaleString / toLocaleDateString / toLocaleTimeString (they follow the runtime)", () => {
    expect(offenders(/\.toLocale(Date|Time)?String\(/)).toEqual([]);
  });

  it("builds date formatters only in the format module and the files that compute with them", () => {
    expect(offenders(/new Intl\.DateTimeFormat\(/, COMPUTES_ONLY)).toEqual([]);
  });

  it("hard-codes no clinic locale outside the format module", () => {
    expect(offenders(/["']en-(GB|US|AU|CA|NZ|IE)["']/, COMPUTES_ONLY)).toEqual([]);
  });

  it("has no native date or time inputs: they follow the browser's locale, not the clinic's", () => {
    // A US browser shows <input type="date"> as 04/02/2027 where an en-GB clinic means 2 April:
    // use DateField / TimeField (app/_components/ui/date-time-field.tsx) or MemorableDateField.
    const native = /type=["'{]+(date|time|datetime-local|month|week)["'}]/;
    expect(offenders(native).filter((o) => o.startsWith("app/"))).toEqual([]);
  });
});
