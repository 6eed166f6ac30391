// Applies committed migrations to the configured database (DATABASE_URL, else the embedded one).
import path from "node:path";
import { openPglite, openPostgres } from "../open";

async function main() {
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  await opened.close();
  console.log(`Migrations applied (${opened.kind}).`);
}

main().catch((err) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
