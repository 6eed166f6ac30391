// First-load JavaScript per page (gzip) from a production build. Next 16 no longer prints sizes,
// so this reads the build's manifests: the root main files every page loads, plus every chunk the
// route's client-reference manifest lists for its segments (layouts, boundaries, the page).
// Chunks loaded later (next/dynamic, lazy imports) are not first-load and are not counted.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { repoRoot } from "./proc";
import { buildApps } from "./servers";

const KB = 1024;

/** The goal a page is held to: portal and public booking ≤ 120 KB, staff pages ≤ 200 KB. */
export function weightGoal(route: string): { kb: number; group: string } | null {
  if (route.startsWith("/portal") || route.startsWith("/book")) return { kb: 120, group: "portal/public booking" };
  if (route.startsWith("/(staff)") || route.startsWith("/account")) return { kb: 200, group: "staff" };
  return null;
}

export interface PageWeight {
  route: string;
  gzipBytes: number;
  chunks: number;
}

export function measurePageWeights(distDir: string): PageWeight[] {
  const dist = path.resolve(repoRoot, distDir);
  const gz = new Map<string, number>();
  const gzipOf = (file: string) => {
    let size = gz.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).byteLength;
      gz.set(file, size);
    }
    return size;
  };
  const root: string[] = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")).rootMainFiles;
  const routes = Object.keys(JSON.parse(fs.readFileSync(path.join(dist, "server/app-paths-manifest.json"), "utf8")));
  const out: PageWeight[] = [];
  const g = globalThis as unknown as { __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  for (const route of routes.filter((r) => r.endsWith("/page") && !r.startsWith("/_"))) {
    const file = path.join(dist, "server/app", `${route.slice(1)}_client-reference-manifest.js`);
    if (!fs.existsSync(file)) continue;
    // The manifest is a script that assigns to globalThis.__RSC_MANIFEST[route].
    new Function(fs.readFileSync(file, "utf8"))();
    const manifest = g.__RSC_MANIFEST?.[route];
    if (!manifest) continue;
    const files = new Set(root);
    for (const list of Object.values(manifest.entryJSFiles)) for (const f of list) files.add(f);
    const js = [...files].filter((f) => f.endsWith(".js"));
    out.push({
      route: route.replace(/\/page$/, "") || "/",
      gzipBytes: js.reduce((s, f) => s + gzipOf(f), 0),
      chunks: js.length,
    });
  }
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

export async function benchPageWeight() {
  const distDir = process.env.KNOTWORK_DIST_DIR || ".next-bench";
  if (!fs.existsSync(path.join(repoRoot, distDir, "build-manifest.json")) || process.env.BENCH_SKIP_BUILD === "0") {
    buildApps();
  }
  console.log(`\nfirst-load JavaScript per page, gzip level 9 (build in ${distDir}):`);
  let failed = 0;
  for (const w of measurePageWeights(distDir)) {
    const goal = weightGoal(w.route);
    const kb = w.gzipBytes / KB;
    const verdict = goal ? (kb <= goal.kb ? "PASS" : "FAIL") : "(no goal)";
    if (goal && kb > goal.kb) failed++;
    const goalText = goal ? `≤ ${goal.kb} KB (${goal.group})` : "";
    console.log(
      `  ${w.route.padEnd(58)} ${kb.toFixed(1).padStart(7)} KB  ${String(w.chunks).padStart(3)} chunks  ${goalText.padEnd(30)} ${verdict}`,
    );
  }
  console.log(`  ${failed === 0 ? "every page within its goal" : `${failed} page(s) over their goal`}`);
  // The same measure on the bare Next app (scripts/bench/bare-next): what any page of this
  // next + react pays before a line of Knotwork, i.e. the floor under the goals above.
  const bare = path.join("scripts/bench/bare-next/.next");
  if (fs.existsSync(path.join(repoRoot, bare, "build-manifest.json"))) {
    const floor = measurePageWeights(bare).find((w) => w.route === "/page-size");
    const root: string[] = JSON.parse(
      fs.readFileSync(path.join(repoRoot, distDir, "build-manifest.json"), "utf8"),
    ).rootMainFiles;
    const rootKb =
      root
        .filter((f) => f.endsWith(".js"))
        .reduce(
          (s, f) => s + zlib.gzipSync(fs.readFileSync(path.join(repoRoot, distDir, f)), { level: 9 }).byteLength,
          0,
        ) / KB;
    if (floor)
      console.log(
        `  floor: a bare Next 16 page ${(floor.gzipBytes / KB).toFixed(1)} KB; Knotwork's root main files (every page) ${rootKb.toFixed(1)} KB`,
      );
  }
}
