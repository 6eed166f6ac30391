import { dirname, join, normalize } from "node:path";

/** lib/'s areas (README: "lib/: one folder per area"); every other top-level part of lib/ is platform. */
export const AREAS = [
  "identity",
  "clients",
  "clinical",
  "outcomes",
  "programmes",
  "scheduling",
  "billing",
  "messaging",
  "forms",
  "documents",
  "portal",
] as const;

/**
 * Composition roots: they gather every area (the operation registry and what is generated from it, the job
 * registry, the test fixtures), so they may import anything, and nothing else in lib/ may import them.
 */
const EDGES = [/^lib\/api\//, /^lib\/jobs\/registry$/, /^lib\/testing\//, /-test-fixture$/];

export const isEdge = (path: string) => EDGES.some((re) => re.test(path.replace(/\.tsx?$/, "")));

/** "scheduling" for lib/scheduling/…, "platform:jobs" for lib/jobs/…, "platform:sql-like" for lib/sql-like.ts. */
export function partOf(path: string): string | null {
  const m = /^lib\/([^/]+?)(?:\.tsx?)?(?:\/|$)/.exec(path);
  if (!m) return null;
  return (AREAS as readonly string[]).includes(m[1]!) ? m[1]! : `platform:${m[1]}`;
}

const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/g;

/** The lib/ paths (without extension resolution: the folder is what counts) a file statically imports. */
export function importsOf(path: string, text: string): string[] {
  const out: string[] = [];
  for (const [, spec] of text.matchAll(SPECIFIER)) {
    if (spec!.startsWith("@/lib/")) out.push(spec!.slice(2));
    else if (spec!.startsWith(".")) out.push(normalize(join(dirname(path), spec!)));
  }
  return out;
}

export interface SourceFile {
  path: string;
  text: string;
}

/** part → part it imports → the imports that make the edge ("lib/x/a.ts → @/lib/y/b"). */
export type PartGraph = Map<string, Map<string, string[]>>;

export function partGraph(files: readonly SourceFile[]): PartGraph {
  const graph: PartGraph = new Map();
  for (const f of files) {
    const from = partOf(f.path);
    if (!from || isEdge(f.path)) continue;
    for (const target of importsOf(f.path, f.text)) {
      const to = partOf(target);
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string[]>();
      edges.set(to, [...(edges.get(to) ?? []), `${f.path} → ${target}`]);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Imports of a composition root from anywhere but another root: they would make every area depend on all. */
export function edgeImports(files: readonly SourceFile[]): string[] {
  return files.flatMap((f) =>
    isEdge(f.path) || !f.path.startsWith("lib/")
      ? []
      : importsOf(f.path, f.text)
          .filter(isEdge)
          .map((t) => `${f.path} → ${t}`),
  );
}

/**
 * Platform parts sit below the areas and import none of them, except identity: the route wrapper, the audit
 * trail and the failed-jobs screen check the actor it defines.
 */
export function platformOnAreas(graph: PartGraph): string[] {
  return [...graph].flatMap(([from, edges]) =>
    from.startsWith("platform:")
      ? [...edges]
          .filter(([to]) => !to.startsWith("platform:") && to !== "identity")
          .flatMap(([to, why]) => why.map((w) => `${from} → ${to}: ${w}`))
      : [],
  );
}

/** The graph between areas alone: platform parts are below every area and do not count. */
export function areaGraph(graph: PartGraph): PartGraph {
  const isArea = (p: string) => !p.startsWith("platform:");
  return new Map(
    [...graph]
      .filter(([from]) => isArea(from))
      .map(([from, edges]) => [from, new Map([...edges].filter(([to]) => isArea(to)))]),
  );
}

/** Strongly connected groups of two or more parts (Tarjan), each sorted: every one is an import cycle. */
export function cycles(graph: PartGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Each edge inside a cycle with the imports that make it, for a failure message a reader can act on. */
export function describeCycle(graph: PartGraph, group: readonly string[]): string[] {
  return group.flatMap((from) =>
    [...(graph.get(from) ?? [])]
      .filter(([to]) => group.includes(to))
      .map(
        ([to, why]) => `${from} → ${to}: ${why.slice(0, 3).join("; ")}${why.length > 3 ? ` (+${why.length - 3})` : ""}`,
      ),
  );
}
