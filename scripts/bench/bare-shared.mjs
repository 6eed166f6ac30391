// What the bare servers query and render, so both floors do the same work (bench only).

/** One indexed SELECT by primary key: the same row GET /api/clients/{id} returns. */
export const ROW_SQL = `select id, clinic_id, first_name, last_name, preferred_name, date_of_birth, email, phone, version, created_at, updated_at
  from clients where id = $1 and archived_at is null`;

/** One query for a page: a clinic's clients, as a dashboard list would show them. */
export const PAGE_SQL = `select id, first_name, last_name, email, phone, created_at from clients order by last_name, id limit 200`;

const esc = (v) =>
  String(v ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

/** Table rows cycled until the HTML reaches `bytes` (the size of the Knotwork page compared). */
export function renderRows(rows, bytes) {
  const out = ["<table><tbody>"];
  let size = 0;
  const target = Number.isFinite(bytes) && bytes > 0 ? bytes : 20_000;
  for (let i = 0; rows.length > 0 && size < target; i++) {
    const r = rows[i % rows.length];
    const line = `<tr><td><a href="/clients/${esc(r.id)}">${esc(r.first_name)} ${esc(r.last_name)}</a></td><td>${esc(r.email)}</td><td>${esc(r.phone)}</td></tr>`;
    out.push(line);
    size += line.length;
  }
  out.push("</tbody></table>");
  return out.join("");
}
