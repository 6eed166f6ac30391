import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  areaGraph,
  cycles,
  describeCycle,
  edgeImports,
  partGraph,
  platformOnAreas,
  type SourceFile,
} from "./area-graph";

/**
 * House rule (README, "lib/: one folder per area"): areas depend one way only. madge finds no file-level
 * cycle, but two areas can still use each other through different files; this test reads every static
 * import in lib/ (type-only imports too: they are a dependency of the design, if not of the bundle) and fails
 * on any cycle between areas. Tests are left out: a test may set up its data through any area.
 */
const ROOT = join(__dirname, "..", "..");

function libFiles(): SourceFile[] {
  return execFileSync("git", ["ls-files", "-co", "--exclude-standard", "lib"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((p) => /\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p))
    .flatMap((path) => {
      try {
        return [{ path, text: readFileSync(join(ROOT, path), "utf8") }];
      } catch {
        return []; // Deleted in the working tree, not yet in git.
      }
    });
}

const files = libFiles();
const graph = partGraph(files);

describe("lib/'s area graph", () => {
  it("sees the areas' imports (a planted cycle fails the check)", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(graph.get("scheduling")?.has("identity")).toBe(true);
    const planted: SourceFile[] = [
      ...files,
      { path: "lib/identity/planted.ts", text: 'import { x } from "@/lib/billing/planted";\n' },
      { path: "lib/billing/planted.ts", text: 'import type { y } from "../identity/planted";\n' },
    ];
    const withPlanted = cycles(areaGraph(partGraph(planted)));
    expect(withPlanted.some((group) => group.includes("billing") && group.includes("identity"))).toBe(true);
    // Relative imports and re-exports count as well as "@/lib/…".
    const relative = partGraph([
      { path: "lib/outcomes/a.ts", text: 'export { b } from "../programmes/b";\n' },
      { path: "lib/programmes/b.ts", text: "import {\n  a,\n} from '@/lib/outcomes/a';\n" },
    ]);
    expect(cycles(relative)).toEqual([["outcomes", "programmes"]]);
  });

  it("has no import cycle between areas", () => {
    const areas = areaGraph(graph);
    expect(cycles(areas).map((group) => describeCycle(areas, group))).toEqual([]);
  });

  it("keeps the platform below the areas (identity aside) and the composition roots at the edge", () => {
    expect(platformOnAreas(graph)).toEqual([]);
    expect(edgeImports(files)).toEqual([]);
  });
});
