import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * zod must run "jitless" in the browser before its first parse (the CSP refuses its eval probe),
 * and pages that parse nothing with zod must not carry it (issue #16, page weight). The switch
 * is app/_lib/zod-browser.ts (the door), no longer in the root providers. This walks the value
 * imports of every client module (each "use client" file, and each module it loads later with
 * import()) and fails when
 *  - a module in app/ imports zod, zod/mini or zod's resolver without importing the door before
 *    it (so the door is evaluated first), or
 *  - in the order a client module's imports are evaluated, a module that uses zod (a schema from
 *    lib/, say) runs before the door: zod fixes a schema's fast path when the schema is built.
 * Type-only imports are erased and not followed.
 */
const ROOT = join(__dirname, "..", "..");
const DOOR = "app/_lib/zod-browser.ts";
const isZod = (spec: string) => /^zod(\/|$)/.test(spec) || spec === "@hookform/resolvers/zod";

type Read = (path: string) => string | undefined;

interface Imports {
  client: boolean;
  static: string[];
  lazy: string[];
}

/** The module specifiers a source loads at run time: static (import/export … from) and lazy (import()). */
function importsOf(fileName: string, text: string): Imports {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const first = source.statements[0];
  const client =
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client";
  const found: Imports = { client, static: [], lazy: [] };
  for (const s of source.statements) {
    if (ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier)) {
      const c = s.importClause;
      const typeOnly =
        !!c &&
        (c.isTypeOnly ||
          (!c.name &&
            !!c.namedBindings &&
            ts.isNamedImports(c.namedBindings) &&
            c.namedBindings.elements.length > 0 &&
            c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.static.push(s.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(s) && !s.isTypeOnly && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier))
      found.static.push(s.moduleSpecifier.text);
  }
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      found.lazy.push(node.arguments[0].text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A project file for a specifier ("@/…" or relative), or undefined for packages and assets. */
function resolve(from: string, spec: string, read: Read): string | undefined {
  const base = spec.startsWith("@/") ? spec.slice(2) : spec.startsWith(".") ? join(dirname(from), spec) : undefined;
  if (base === undefined) return undefined;
  const path = normalize(base).split("\\").join("/");
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`])
    if (/\.tsx?$/.test(candidate) && read(candidate) !== undefined) return candidate;
  return undefined;
}

/** What is wrong with zod in the browser, one line per offence, over the given client entry files. */
export function zodOffences(entries: string[], read: Read): string[] {
  const parsed = new Map<string, Imports>();
  const importsOfFile = (path: string) => {
    let i = parsed.get(path);
    if (!i) parsed.set(path, (i = importsOf(path, read(path) ?? "")));
    return i;
  };
  const offences = new Set<string>();
  const queue = [...entries];
  const seenEntries = new Set(queue);
  while (queue.length) {
    const entry = queue.shift()!;
    // Walk the entry's static imports in evaluation order (each module's imports in order, then its
    // body): zod defines a schema's fast path when the schema is built, so every module that imports
    // zod must run after the door, not merely somewhere in the same graph.
    const done = new Set<string>();
    let door = false;
    let zodReachedFrom: string | undefined;
    const evaluate = (file: string) => {
      done.add(file);
      const imports = importsOfFile(file);
      let doorFirst = false;
      let usesZod = false;
      for (const spec of imports.static) {
        if (isZod(spec)) {
          usesZod = true;
          if (file.startsWith("app/") && file !== DOOR && !doorFirst)
            offences.add(`${file} imports "${spec}" without importing the door before it`);
          continue;
        }
        const next = resolve(file, spec, read);
        if (next === DOOR) {
          door = doorFirst = true;
          continue;
        }
        if (next && !done.has(next)) evaluate(next);
      }
      if (usesZod && file !== DOOR && !door) zodReachedFrom ??= file;
      // A module loaded later is evaluated then: it needs its own door.
      for (const spec of imports.lazy) {
        const next = resolve(file, spec, read);
        if (next && !seenEntries.has(next)) {
          seenEntries.add(next);
          queue.push(next);
        }
      }
    };
    evaluate(entry);
    if (zodReachedFrom) offences.add(`${entry} runs zod (in ${zodReachedFrom}) before the door`);
  }
  return [...offences].sort();
}

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

const readProject: Read = (path) => (existsSync(join(ROOT, path)) ? readFileSync(join(ROOT, path), "utf8") : undefined);

describe("zod in the browser runs behind its jitless switch", () => {
  it("finds planted offences, and passes code that imports the door first", () => {
    const files: Record<string, string> = {
      [DOOR]: 'import { config } from "zod/v4/core";\nconfig({ jitless: true });',
      "lib/x/schemas.ts": 'import { z } from "zod";\nexport const body = z.object({});',
      "lib/x/types.ts": 'import type { z } from "zod";\nexport type T = z.infer<never>;',
      "app/direct.tsx": '"use client";\nimport { z } from "zod";\nexport const s = z.string();',
      "app/resolver.tsx": '"use client";\nimport { zodResolver } from "@hookform/resolvers/zod";',
      "app/late.tsx": '"use client";\nimport { object } from "zod/mini";\nimport "@/app/_lib/zod-browser";',
      "app/via-lib.tsx": '"use client";\nimport { body } from "@/lib/x/schemas";\nbody.parse({});',
      "app/lazy.tsx": '"use client";\nconst Later = () => import("./later");',
      "app/later.tsx": 'import { body } from "../lib/x/schemas";\nbody.parse({});',
      "app/door.tsx":
        '"use client";\nimport "@/app/_lib/zod-browser";\nimport { z } from "zod";\nimport { body } from "@/lib/x/schemas";',
      "app/child.tsx": '"use client";\nimport { body } from "@/lib/x/schemas";\nimport "./door";',
      "app/types-only.tsx": '"use client";\nimport type { z } from "zod";\nimport { type T } from "@/lib/x/types";',
      "app/server.tsx": 'import { z } from "zod";\nexport const q = z.string();',
    };
    const read: Read = (p) => files[p];
    const entries = Object.keys(files).filter((p) => files[p]!.startsWith('"use client"'));
    expect(zodOffences(entries, read)).toEqual([
      // child.tsx reaches the door, but only after a lib schema was built (the CSP violation seen in e2e).
      "app/child.tsx runs zod (in lib/x/schemas.ts) before the door",
      'app/direct.tsx imports "zod" without importing the door before it',
      "app/direct.tsx runs zod (in app/direct.tsx) before the door",
      'app/late.tsx imports "zod/mini" without importing the door before it',
      "app/later.tsx runs zod (in lib/x/schemas.ts) before the door",
      'app/resolver.tsx imports "@hookform/resolvers/zod" without importing the door before it',
      "app/resolver.tsx runs zod (in app/resolver.tsx) before the door",
      "app/via-lib.tsx runs zod (in lib/x/schemas.ts) before the door",
    ]);
  });

  it("finds none in the app", () => {
    const files = sources("app");
    expect(files.length).toBeGreaterThan(200);
    const entries = files.filter((p) => importsOf(p, readProject(p)!).client);
    expect(entries.length).toBeGreaterThan(150);
    expect(entries).toContain("app/portal/_components/complaint-diary.tsx");
    // Put `import "@/app/_lib/zod-browser";` first in the module (after "use client").
    expect(zodOffences(entries, readProject)).toEqual([]);
  });
});
