import { pool } from "../../../db.mjs";
import { ROW_SQL } from "../../../../bare-shared.mjs";

// The same single indexed SELECT as bare-node's /row and Knotwork's GET /api/clients/{id}.
export async function GET(req) {
  const id = new URL(req.url).searchParams.get("id");
  const { rows } = await pool.query(ROW_SQL, [id]);
  if (!rows[0]) return Response.json({ error: "not found" }, { status: 404 });
  return Response.json(rows[0]);
}
