import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Every form keeps its field state in react-hook-form (issue #10): values, client validation and
 * the server's 400 field errors (applyFieldErrors) live in one place, so an error always lands
 * beside its field. A client component that renders a `<form>` must call `useForm` (or, for a part
 * of a form another component owns, `useFormContext` or take its `UseFormReturn` as a prop).
 */
const ROOT = join(__dirname, "..", "..");

/** Files allowed to render a form without react-hook-form, each with its reason. */
const ALLOWED: Record<string, string> = {
  "app/(staff)/billing/reports/reports-view.tsx":
    "native GET forms: the inputs go to the URL's query as they are, with no state and no body to check",
};

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(path);
    return /\.tsx$/.test(e.name) && !/\.test\.tsx$/.test(e.name) ? [path] : [];
  });
}

/** Whether a client component renders `<form>` without calling useForm or useFormContext. */
function formWithoutHookForm(fileName: string, text: string): boolean {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const first = source.statements[0];
  const client =
    !!first &&
    ts.isExpressionStatement(first) &&
    ts.isStringLiteral(first.expression) &&
    first.expression.text === "use client";
  if (!client) return false;
  let rendersForm = false;
  let usesHookForm = false;
  const visit = (node: ts.Node) => {
    if ((ts.isJsxOpeningElement(node) || ts.isJsxSelfClosingElement(node)) && node.tagName.getText(source) === "form")
      rendersForm = true;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : "";
      if (name === "useForm" || name === "useFormContext") usesHookForm = true;
    }
    // A part of a form whose owner hands it the useForm instance as a prop.
    if (ts.isTypeReferenceNode(node) && node.typeName.getText(source) === "UseFormReturn") usesHookForm = true;
    ts.forEachChild(node, visit);
  };
  visit(source);
  return rendersForm && !usesHookForm;
}

describe("every form uses react-hook-form", () => {
  const files = sources("app");

  it("finds a planted form without react-hook-form, and passes one with it", () => {
    const bare =
      '"use client";\nexport function F() { const [v, setV] = useState(""); return <form><input /></form>; }';
    const hooked =
      '"use client";\nexport function F() { const f = useForm(); return <form onSubmit={f.handleSubmit(s)} />; }';
    const part = '"use client";\nexport function P() { const f = useFormContext(); return <form />; }';
    const given = '"use client";\nexport function G({ form }: { form: UseFormReturn<V> }) { return <form />; }';
    const server = "export function S() { return <form action={go} />; }";
    expect(formWithoutHookForm("bare.tsx", bare)).toBe(true);
    expect(formWithoutHookForm("hooked.tsx", hooked)).toBe(false);
    expect(formWithoutHookForm("part.tsx", part)).toBe(false);
    expect(formWithoutHookForm("given.tsx", given)).toBe(false);
    expect(formWithoutHookForm("server.tsx", server)).toBe(false);
  });

  it("has no client form outside react-hook-form but the allowed ones", () => {
    expect(files.length).toBeGreaterThan(200);
    const offenders = files.filter(
      (path) => !ALLOWED[path] && formWithoutHookForm(path, readFileSync(join(ROOT, path), "utf8")),
    );
    // Keep the fields in useForm (zodResolver with the body schema the form submits) and send the
    // server's field errors back with applyFieldErrors(err, form.setError).
    expect(offenders).toEqual([]);
  });
});
