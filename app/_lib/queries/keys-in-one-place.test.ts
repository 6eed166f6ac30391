import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * React-query keys come from one module per area (ARCHITECTURE.md): app/_lib/queries/<area>.ts.
 * A key typed inline elsewhere drifts from the one its invalidation uses (["clients", "list"] here,
 * ["clients", "lists"] there) and the screen silently stops refreshing.
 */
const ROOT = join(__dirname, "..", "..", "..");
const HOME = "app/_lib/queries/";

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** `queryKey: [...]` written as an array literal, as `line: text`. */
function inlineKeys(fileName: string, text: string): string[] {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyAssignment(node) && node.name.getText(source) === "queryKey") {
      let value: ts.Expression = node.initializer;
      while (ts.isAsExpression(value) || ts.isParenthesizedExpression(value)) value = value.expression;
      if (ts.isArrayLiteralExpression(value)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push(`${line}: ${node.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("react-query keys live in app/_lib/queries", () => {
  const files = sources("app").filter((p) => !p.startsWith(HOME));

  it("finds a planted inline key in each form it can take", () => {
    const planted = 'useQuery({ queryKey: ["a"] }); f({ queryKey: ["b", id] as const }); g({ queryKey: k.all });';
    expect(inlineKeys("planted.tsx", planted)).toHaveLength(2);
  });

  it("has no inline key outside the key modules", () => {
    expect(files.length).toBeGreaterThan(200);
    const offenders = files.flatMap((path) =>
      inlineKeys(path, readFileSync(join(ROOT, path), "utf8")).map((hit) => `${path}:${hit}`),
    );
    // Add the key to app/_lib/queries/<area>.ts and use it from there.
    expect(offenders).toEqual([]);
  });
});
