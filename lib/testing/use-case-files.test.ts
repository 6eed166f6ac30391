import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { AREAS } from "./area-graph";

/**
 * House plan (issue #10, README "lib/: one folder per area"): inside an area, one file per use-case, so a reader
 * who knows the endpoint finds its code by the file's name. A use-case is what an endpoint, a page or the portal
 * home calls with the actor; this fails when one lib/ file gives those callers two or more of them.
 *
 * Not use-cases, so not counted: the actor and its scope rules (identity/actor.ts, identity/scopes.ts) and the
 * audit of reads, which every area calls beside its use-case.
 */
const NOT_USE_CASES = new Set(["lib/identity/actor.ts", "lib/identity/scopes.ts", "lib/audit/record-read.ts"]);

const ROOT = join(__dirname, "..", "..");
const NAMED_IMPORT = /import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

function tracked(...globs: string[]): string[] {
  return execFileSync("git", ["ls-files", "-co", "--exclude-standard", ...globs], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((p) => p && !/\.test\.tsx?$/.test(p) && existsSync(join(ROOT, p)));
}

/** lib/x/y → the file it names, if it is an area's or the job queue's module. */
function targetOf(from: string, spec: string): string | null {
  const bare = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? normalize(join(dirname(from), spec)) : "";
  const part = /^lib\/([^/]+)\//.exec(bare)?.[1];
  if (!part || !([...AREAS, "jobs"] as string[]).includes(part) || part === "portal") return null;
  const file = [`${bare}.ts`, `${bare}.tsx`].find((p) => existsSync(join(ROOT, p)));
  return file && !NOT_USE_CASES.has(file) && !/\/(schemas|operations[^/]*)\.ts$/.test(file) ? file : null;
}

/** `export async function name(db, actor, …)`, or one memoised per render: `export const name = cache(async (db, actor…`. */
function takesActor(source: string, name: string): boolean {
  return (
    new RegExp(`export\\s+(?:async\\s+)?function\\s+${name}\\s*\\([^{]*\\bactor\\b`).test(source) ||
    new RegExp(`export\\s+const\\s+${name}\\s*=\\s*cache\\(\\s*async\\s*\\([^)]*\\bactor\\b`).test(source)
  );
}

describe("one file per use-case", () => {
  it("no lib/ file gives endpoints, pages or the portal home more than one use-case", () => {
    const callers = [...tracked("app/**/*.ts", "app/**/*.tsx"), ...tracked("lib/portal/*.ts")];
    expect(callers.length).toBeGreaterThan(200);
    const given = new Map<string, Set<string>>();
    for (const caller of callers) {
      const text = readFileSync(join(ROOT, caller), "utf8");
      for (const [statement, names, spec] of text.matchAll(NAMED_IMPORT)) {
        if (/^import\s+type\b/.test(statement)) continue;
        const target = targetOf(caller, spec!);
        if (!target) continue;
        const source = readFileSync(join(ROOT, target), "utf8");
        for (const raw of names!.split(",")) {
          const name = raw.trim().split(/\s+as\s+/)[0]!;
          if (!name || name.startsWith("type ") || !takesActor(source, name)) continue;
          given.set(target, (given.get(target) ?? new Set()).add(name));
        }
      }
    }
    expect(given.size).toBeGreaterThan(180);
    const several = [...given]
      .filter(([, names]) => names.size > 1)
      .map(([file, names]) => `${file}: ${[...names].sort().join(", ")}`)
      .sort();
    expect(several).toEqual([]);
  });
});
