import { PERMISSIONS, ROLES } from "./permissions";

/** The README's permission table, generated from the one source of truth. */
export function permissionTableMarkdown(): string {
  const header = `| Permission | What it allows | ${ROLES.join(" | ")} |`;
  const rule = `|---|---|${ROLES.map(() => ":-:").join("|")}|`;
  const rows = Object.entries(PERMISSIONS).map(([name, p]) => {
    const cells = ROLES.map((r) => ((p.roles as readonly string[]).includes(r) ? "✓" : "—"));
    return `| \`${name}\` | ${p.description} | ${cells.join(" | ")} |`;
  });
  return [header, rule, ...rows].join("\n");
}
