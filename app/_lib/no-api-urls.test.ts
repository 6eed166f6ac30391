import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The browser calls operations, not URLs (ARCHITECTURE.md, "One way in, one way through"):
 * `call(ops.x, …)` and `hrefFor(ops.x, …)` from app/_lib/api-client.ts build every API URL
 * from the operation's method and path. A hand-typed "/api/…" string escapes the compiler: a
 * renamed route or a changed schema would break only at run time. Comments may mention paths.
 */
const ROOT = join(__dirname, "..", "..");

/** The route handlers themselves, and the generated references that hold every path once. */
const EXEMPT = (path: string) => path.startsWith("app/api/") || path === "app/_lib/operations.gen.ts";

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every string literal and template part in a source text that mentions /api/, as `line: text`. */
function apiUrlLiterals(fileName: string, text: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node)) &&
      node.text.includes("/api/")
    ) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      found.push(`${line}: ${node.getText(source).trim()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sources("app")
  .map((p) => relative(ROOT, join(ROOT, p)).split("\\").join("/"))
  .filter((p) => !EXEMPT(p));

describe("the browser reaches the API through operations", () => {
  it("reads the sources it guards", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files).toContain("app/_lib/api-client.ts");
    expect(files).toContain("app/(staff)/calendar/_components/calendar-view.tsx");
  });

  it("finds a planted URL in every form it can take", () => {
    const planted = [
      'const a = "/api/clients";',
      "const b = `/api/clients/${id}/visits`;",
      "const c = `${base}/api/x`;",
      "const d = <a href={`/api/invoices/${id}/pdf`}>PDF</a>;",
      'const e = <a href="/api/billing/reports/ageing.csv">CSV</a>;',
    ].join("\n");
    expect(apiUrlLiterals("planted.tsx", planted)).toHaveLength(5);
    expect(apiUrlLiterals("ok.ts", "// GET /api/portal/questionnaires is what the page reads\nconst x = 1;")).toEqual(
      [],
    );
  });

  it('has no "/api/…" string outside app/api and the generated operation references', () => {
    const offenders = files.flatMap((path) =>
      apiUrlLiterals(path, readFileSync(join(ROOT, path), "utf8")).map((hit) => `${path}:${hit}`),
    );
    // Use call(ops.x, { params, query, body }) or hrefFor(ops.x, …) from app/_lib/api-client.ts.
    expect(offenders).toEqual([]);
  });
});
