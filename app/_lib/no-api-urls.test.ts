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

/** Not converted yet (issue #10, in progress): this list only shrinks. */
const NOT_YET_CONVERTED = new Set([
  "app/(staff)/admin/jobs/jobs-admin.tsx",
  "app/(staff)/admin/member-actions.tsx",
  "app/(staff)/admin/settings/public-booking-card.tsx",
  "app/(staff)/admin/settings/rooms-card.tsx",
  "app/(staff)/admin/settings/settings-form.tsx",
  "app/(staff)/admin/settings/types-card.tsx",
  "app/(staff)/admin/staff-admin.tsx",
  "app/(staff)/availability/availability-editor.tsx",
  "app/(staff)/availability/slot-finder.tsx",
  "app/(staff)/availability/week-editor.tsx",
  "app/(staff)/billing/_components/draft-editor.tsx",
  "app/(staff)/billing/_components/invoice-actions.tsx",
  "app/(staff)/billing/reports/reports-view.tsx",
  "app/(staff)/billing/settings/billing-settings-form.tsx",
  "app/(staff)/billing/settings/catalogue-cards.tsx",
  "app/(staff)/calendar/_components/create-dialog.tsx",
  "app/(staff)/calendar/series/new/series-planner.tsx",
  "app/(staff)/clients/[clientId]/account/account-view.tsx",
  "app/(staff)/clients/[clientId]/appointments-card.tsx",
  "app/(staff)/clients/[clientId]/archive-card.tsx",
  "app/(staff)/clients/[clientId]/chart/chart-history-query.ts",
  "app/(staff)/clients/[clientId]/chart/chart-history-view.tsx",
  "app/(staff)/clients/[clientId]/complaint-form.tsx",
  "app/(staff)/clients/[clientId]/complaints-card.tsx",
  "app/(staff)/clients/[clientId]/details-card.tsx",
  "app/(staff)/clients/[clientId]/documents/_components/document-tile.tsx",
  "app/(staff)/clients/[clientId]/documents/_components/upload-form.tsx",
  "app/(staff)/clients/[clientId]/forms/_components/client-forms-view.tsx",
  "app/(staff)/clients/[clientId]/forms/_components/proposals-review.tsx",
  "app/(staff)/clients/[clientId]/portal-card.tsx",
  "app/(staff)/clients/[clientId]/precaution-badges.tsx",
  "app/(staff)/clients/[clientId]/progress/_components/progress-view.tsx",
  "app/(staff)/clients/[clientId]/safety-card.tsx",
  "app/(staff)/clients/[clientId]/visits-card.tsx",
  "app/(staff)/clients/new/new-client.tsx",
  "app/(staff)/muscles/muscle-library.tsx",
  "app/(staff)/questionnaires/_components/outcome-settings-form.tsx",
  "app/(staff)/therapist/mark-seen-button.tsx",
  "app/(staff)/visits/[visitId]/_components/sign-and-amend.tsx",
  "app/(staff)/visits/[visitId]/_components/use-finding-mutations.ts",
  "app/(staff)/visits/[visitId]/_components/use-latest-check-in.ts",
  "app/(staff)/visits/[visitId]/_components/use-note-autosave.ts",
  "app/(staff)/visits/[visitId]/_components/visit-complaint-picker.tsx",
  "app/(staff)/visits/[visitId]/_components/visit-pain-card.tsx",
  "app/(staff)/waitlist/booking-requests.tsx",
  "app/(staff)/waitlist/entry-form.tsx",
  "app/(staff)/waitlist/freed-slots.tsx",
  "app/(staff)/waitlist/waitlist-list.tsx",
  "app/_components/billing/take-payment.tsx",
  "app/_components/two-factor/enrol-form.tsx",
  "app/_components/two-factor/two-factor-panel.tsx",
  "app/account/devices/change-password-form.tsx",
  "app/account/devices/device-list.tsx",
  "app/appointment/[linkToken]/manage-appointment.tsx",
  "app/book/[clinic]/public-booking-flow.tsx",
  "app/book/confirm/[token]/confirm-booking.tsx",
  "app/invite/[token]/accept-form.tsx",
  "app/kiosk/[token]/page.tsx",
  "app/portal/forms/[requestId]/page.tsx",
  "app/portal/forms/page.tsx",
  "app/portal/invoices/[invoiceId]/page.tsx",
  "app/portal/invoices/[invoiceId]/pay-now.tsx",
  "app/portal/tools/tools-form.tsx",
  "app/reset-password/[token]/complete-reset-form.tsx",
  "app/reset-password/request-reset-form.tsx",
  "app/select-clinic/clinic-chooser.tsx",
]);

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
    const offenders = files
      .filter((path) => !NOT_YET_CONVERTED.has(path))
      .flatMap((path) => apiUrlLiterals(path, readFileSync(join(ROOT, path), "utf8")).map((hit) => `${path}:${hit}`));
    // Use call(ops.x, { params, query, body }) or hrefFor(ops.x, …) from app/_lib/api-client.ts.
    expect(offenders).toEqual([]);
  });

  it("lists as not yet converted only files that still hold a URL", () => {
    const done = [...NOT_YET_CONVERTED].filter(
      (path) => !files.includes(path) || apiUrlLiterals(path, readFileSync(join(ROOT, path), "utf8")).length === 0,
    );
    expect(done).toEqual([]);
  });
});
