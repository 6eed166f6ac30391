// Regenerates app/_lib/operations.gen.ts (the browser's typed operation references) from
// lib/api/registry.ts: `npm run gen:api` after adding or changing an operation. A test
// (lib/api/client-gen.test.ts) fails while the committed file is stale.
import { writeFileSync } from "node:fs";

async function main() {
  // Dynamic import: lib code guards itself with "server-only", a no-op under react-server.
  const { GENERATED_FILE, ROOT, renderOperationsModule } = await import("../lib/api/client-gen");
  const path = await import("node:path");
  writeFileSync(path.join(ROOT, GENERATED_FILE), await renderOperationsModule());
  console.log(`wrote ${GENERATED_FILE}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
