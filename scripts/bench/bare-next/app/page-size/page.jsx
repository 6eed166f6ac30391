import { connection } from "next/server";
import { pool } from "../../db.mjs";
import { PAGE_SQL } from "../../../bare-shared.mjs";

// A server-rendered page of a requested size from one query: rows are cycled until the
// estimated HTML reaches ?bytes= (the size of the Knotwork page it is compared with).
export default async function Page({ searchParams }) {
  await connection();
  const bytes = Number((await searchParams).bytes) || 20_000;
  const { rows } = await pool.query(PAGE_SQL);
  const shown = [];
  let size = 0;
  for (let i = 0; rows.length > 0 && size < bytes; i++) {
    const r = rows[i % rows.length];
    shown.push({ key: i, r });
    size += 110 + String(r.first_name).length + String(r.last_name).length + String(r.email).length + 36;
  }
  return (
    <table>
      <tbody>
        {shown.map(({ key, r }) => (
          <tr key={key}>
            <td>
              <a href={`/clients/${r.id}`}>
                {r.first_name} {r.last_name}
              </a>
            </td>
            <td>{r.email}</td>
            <td>{r.phone}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
