// Creates or drops a database on the server named by an admin URL: node scripts/pg-admin.mjs URL create|drop NAME
import pg from "pg";

const [url, action, name] = process.argv.slice(2);
if (!url || !["create", "drop"].includes(action) || !/^[a-z0-9_]+$/.test(name ?? "")) {
  console.error("usage: node scripts/pg-admin.mjs ADMIN_URL create|drop name");
  process.exit(2);
}
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  if (action === "create") await client.query(`CREATE DATABASE "${name}"`);
  else await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} finally {
  await client.end();
}
