import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Hooks (useClinicFormat, useFormatDay, useQuery, useState…) run only in client components. A component file that
 * calls one without "use client" works while only client components import it, and answers 500 the day a server
 * component renders it (the progress page did, through AdherenceWeeks). So every .tsx file that calls a hook says
 * "use client" itself. useId is the one hook React also allows on the server.
 */
const HOOK_CALL = /\buse(?!Id\()[A-Z]\w*\(/;
const ROOT = join(__dirname, "..", "..");

function components(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return components(path);
    return e.name.endsWith(".tsx") && !e.name.includes(".test.") ? [path] : [];
  });
}
describe("components that call hooks", () => {
  it('are client components ("use client" at the top)', () => {
    const files = components("app");
    expect(files.length).toBeGreaterThan(100);
    const missing = files
      .filter((p) => {
        const text = readFileSync(join(ROOT, p), "utf8");
        return HOOK_CALL.test(text) && !/^\s*["']use client["'];?/.test(text);
      })
      .map((p) => relative(ROOT, join(ROOT, p)));
    expect(missing).toEqual([]);
  });
});
