import { defineConfig } from "drizzle-kit";

// drizzle-kit is used only to generate migrations from the schema (no database needed).
// Migrations are applied by the app itself (db/open.ts) or `npm run db:migrate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
