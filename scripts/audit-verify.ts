// npm run audit:verify — recomputes every audit chain (each clinic's, and the platform chain)
// and names the first broken link. Exit code 0 when all hold, 1 when one is broken, 2 on error.
// Uses DATABASE_URL, else the embedded database under KNOTWORK_DATA_DIR (stop the app first:
// PGlite must not be opened by two processes).
import path from "node:path";
import { openPglite, openPostgres } from "../db/open";
import { verifyAllChains } from "../lib/audit/verify-chain";

async function main() {
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  try {
    const reports = await verifyAllChains(opened.db);
    let broken = 0;
    for (const r of reports) {
      if (r.broken) {
        broken++;
        const id = r.broken.id ? ` (id ${r.broken.id})` : "";
        console.log(
          `BROKEN ${r.chain} at event ${r.broken.seq}${id}: ${r.broken.problem} (${r.events} events before it hold)`,
        );
      } else {
        console.log(`ok     ${r.chain}: ${r.events} events, head ${r.head}`);
      }
    }
    console.log(broken ? `${broken} chain(s) broken.` : `All ${reports.length} chain(s) verify.`);
    process.exitCode = broken ? 1 : 0;
  } finally {
    await opened.close();
  }
}

main().catch((err) => {
  console.error(`Audit verification failed to run: ${err instanceof Error ? err.message : err}`);
  process.exit(2);
});
