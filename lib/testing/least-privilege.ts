/**
 * The production roles of scripts/db-least-privilege.sql, in the test databases: `knotwork_app`
 * (NOSUPERUSER, NOBYPASSRLS, owns nothing: row-level security binds it) and `knotwork_platform`
 * (BYPASSRLS). Global setup applies the very script to the prepared database, so every copy of
 * it carries the same grants as production, on PostgreSQL and on PGlite alike.
 *
 * The script is written for psql; PGlite has no psql, so the few meta-commands it uses are
 * evaluated here (optional passwords left out, the platform role present because setup runs as
 * a superuser) and anything else fails loudly rather than being skipped.
 */
import fs from "node:fs";
import path from "node:path";

export const APP_ROLE = "knotwork_app";
export const PLATFORM_ROLE = "knotwork_platform";

const SCRIPT = path.join(process.cwd(), "scripts", "db-least-privilege.sql");

/** The script as plain SQL for a superuser on `database`: psql's conditionals and variables resolved. */
export function leastPrivilegeSql(database: string): string {
  // `:{?name}` is "is the variable set": no password is set here. `:has_platform` comes from the
  // script's own \gset, true for a superuser (checked after running, see applyLeastPrivilege).
  const truth = (cond: string) => {
    if (/^:\{\?\w+\}$/.test(cond)) return false;
    if (cond === ":has_platform") return true;
    throw new Error(`least-privilege.ts: unknown psql condition ${cond}`);
  };
  const stack: boolean[] = [];
  const out: string[] = [];
  for (const line of fs.readFileSync(SCRIPT, "utf8").split("\n")) {
    const meta = /^\\(\w+)\s*(.*)$/.exec(line.trim());
    if (meta) {
      const [, cmd, arg] = meta;
      if (cmd === "if") stack.push(truth(arg!.trim()));
      else if (cmd === "endif") stack.pop();
      else throw new Error(`least-privilege.ts: unknown psql command \\${cmd}`);
      continue;
    }
    if (stack.some((on) => !on)) continue;
    if (/\\gset\s*$/.test(line)) continue;
    const resolved = line.replaceAll(':"DBNAME"', `"${database.replaceAll('"', '""')}"`);
    if (/:["'{\w]/.test(resolved.replace(/--.*$/, ""))) {
      throw new Error(`least-privilege.ts: unknown psql variable in: ${line}`);
    }
    out.push(resolved);
  }
  return out.join("\n");
}

/** SQLSTATEs of two setups creating the same server-wide role at once (it exists afterwards). */
const RACES = new Set(["42710", "23505", "XX000", "40001"]);

/**
 * Applies the script with `exec` (a superuser connection to `database`), retrying when another
 * test run on the same server creates the roles at the same moment (roles are server-wide).
 */
export async function applyLeastPrivilege(
  exec: (statements: string) => Promise<unknown>,
  database: string,
): Promise<void> {
  const statements = leastPrivilegeSql(database);
  for (let attempt = 1; ; attempt++) {
    try {
      await exec(statements);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? "";
      if (attempt >= 5 || !RACES.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}
