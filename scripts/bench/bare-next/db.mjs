import pg from "pg";

// One pool per process, like Knotwork's.
const g = globalThis;
export const pool = (g.benchPool ??= new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_MAX ?? 10),
}));
