import "server-only";
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

/** Asks the database itself which engine answers, so the health check proves the connection. */
export async function databaseKind(db: Db): Promise<"postgres" | "pglite"> {
  const r = await db.execute(sql`select version() as v`);
  const v = String(rowsOf<{ v: string }>(r)[0]?.v ?? "");
  return /emscripten|wasm|pglite/i.test(v) ? "pglite" : "postgres";
}
