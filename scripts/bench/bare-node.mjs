// The floor below any framework: node:http + pg answering one indexed SELECT as JSON, and an
// HTML page of a given size rendered from one query (bench only; see scripts/bench/servers.ts).
// Run: DATABASE_URL=... PORT=... node scripts/bench/bare-node.mjs
import http from "node:http";
import pg from "pg";
import { ROW_SQL, PAGE_SQL, renderRows } from "./bare-shared.mjs";

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_MAX ?? 10) });

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/row") {
      const { rows } = await pool.query(ROW_SQL, [url.searchParams.get("id")]);
      if (!rows[0]) return void res.writeHead(404).end();
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(rows[0]));
    } else if (url.pathname === "/page") {
      const { rows } = await pool.query(PAGE_SQL);
      const html = `<!DOCTYPE html><html><head><title>Page</title></head><body>${renderRows(rows, Number(url.searchParams.get("bytes")))}</body></html>`;
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else res.writeHead(404).end();
  } catch (err) {
    res.writeHead(500).end(String(err));
  }
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("ready"));
