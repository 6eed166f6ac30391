// The platform operator's switch for one login (a person's email, across every clinic):
//   DATABASE_URL=postgres://… npx tsx scripts/login-access.ts disable ana@example.com
//   DATABASE_URL=postgres://… npx tsx scripts/login-access.ts enable ana@example.com
// Disabling refuses sign-in and ends every session of the login at once; each clinic it belongs
// to gets a login.disabled audit event. Clinic admins remove people from their own clinic on the
// Staff page instead. Without DATABASE_URL it opens the embedded database under
// KNOTWORK_DATA_DIR (default .data): stop the app first (one process per PGlite folder).
import { spawnSync } from "node:child_process";
import path from "node:path";

async function main() {
  const [action, email] = process.argv.slice(2);
  if ((action !== "disable" && action !== "enable") || !email) {
    console.error("Usage: npx tsx scripts/login-access.ts disable|enable <email>");
    process.exit(2);
  }
  // Dynamic imports: lib code guards itself with "server-only" (see worker.ts).
  const { openPglite, openPostgres } = await import("../db/open");
  const { setLoginDisabled } = await import("../lib/identity/disable-login");
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  try {
    const r = await setLoginDisabled(opened.db, email, action === "disable");
    if (!r.found) {
      console.error(`No login with the email ${email}.`);
      process.exitCode = 1;
    } else if (action === "disable") {
      console.log(`Disabled ${email}; ${r.sessionsEnded} session(s) ended.`);
    } else {
      console.log(`Enabled ${email}; they can sign in again.`);
    }
  } finally {
    await opened.close();
  }
}

if (!process.execArgv.some((a) => a.includes("react-server"))) {
  const child = spawnSync(
    process.execPath,
    ["--conditions=react-server", ...process.execArgv, ...process.argv.slice(1)],
    { stdio: "inherit" },
  );
  process.exit(child.status ?? 1);
} else {
  main().catch((err) => {
    console.error(`Failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
