import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/client";

/**
 * Runs a `delete … where key in (select key … limit n) returning …` statement until a batch comes back
 * short (or `maxBatches` ran), so a prune job never holds one long transaction over a big table.
 * Returns how many rows went.
 */
export async function deleteInBatches(
  db: Db,
  statement: (limit: number) => SQL,
  { batch = 5000, maxBatches = 100 } = {},
): Promise<number> {
  let deleted = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = rowsOf(await db.execute(statement(batch))).length;
    deleted += n;
    if (n < batch) break;
  }
  return deleted;
}
