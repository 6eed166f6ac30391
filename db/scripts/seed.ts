// Loads the demo data (README: demo accounts). Refuses a database that holds real data.
import path from "node:path";
import { openPglite, openPostgres } from "../open";
import { seedDemo, SeedRefusedError } from "../seed/demo";

async function main() {
  const url = process.env.DATABASE_URL;
  const opened = url
    ? await openPostgres(url)
    : await openPglite(path.resolve(process.env.KNOTWORK_DATA_DIR ?? ".data", "pglite"));
  try {
    const result = await seedDemo(opened.db);
    console.log(
      result === "seeded" ? `Demo data loaded (${opened.kind}).` : "Demo data is already there; nothing to do.",
    );
  } finally {
    await opened.close();
  }
}

main().catch((err) => {
  console.error(
    err instanceof SeedRefusedError
      ? `Seed refused: ${err.message}`
      : `Seed failed: ${err instanceof Error ? err.message : err}`,
  );
  process.exit(1);
});
