import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * useClinicFormat() is a client hook (it reads React context). A component file that calls it
 * without "use client" works while only client components import it, and answers 500 the day a
 * server component renders it (the progress page did, through AdherenceWeeks). So every .tsx
 * file that calls it says "use client" itself.
 */
const ROOT = join(__dirname, "..", "..");

function components(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return components(path);
    return e.name.endsWith(".tsx") && !e.name.includes(".test.") ? [path] : [];
  });
}
describe("components that use the clinic format hook", () => {
  it('are client components ("use client" at the top)', () => {
    const files = components("app");
    expect(files.length).toBeGreaterThan(100);
    const missing = files
      .filter((p) => {
        const text = readFileSync(join(ROOT, p), "utf8");
        return /\buseClinicFormat\(\)/.test(text) && !/^\s*["']use client["'];?/.test(text);
      })
      .map((p) => relative(ROOT, join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
