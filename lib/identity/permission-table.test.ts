import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { permissionTableMarkdown } from "./permission-table";

describe("README permission table", () => {
  it("matches lib/identity/permissions.ts (regenerate with: npx tsx scripts/permission-table.ts)", () => {
    const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const start = readme.indexOf("<!-- permissions:start -->");
    const end = readme.indexOf("<!-- permissions:end -->");
    expect(start).toBeGreaterThan(-1);
    expect(readme.slice(start + "<!-- permissions:start -->".length, end).trim()).toBe(permissionTableMarkdown());
  });
});
