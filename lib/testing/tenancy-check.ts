/**
 * Checks the live database (pg_catalog) against the tenancy classification in
 * db/schema/tenancy.ts. Returns one readable line per problem; an empty list means the
 * schema keeps every clinic's rows reachable only together with their clinic_id.
 */
import { sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";

export type Tenancy = "clinic" | "reference" | "global";

interface Column {
  table: string;
  name: string;
  attnum: number;
  notNull: boolean;
}
interface Key {
  table: string;
  name: string;
  kind: "primary key" | "unique constraint" | "unique index";
  columns: number[];
  expressions: string | null;
}
interface ForeignKey {
  table: string;
  name: string;
  target: string;
  columns: number[];
  targetColumns: number[];
}

async function load(db: Db) {
  const tables = rowsOf<{ table: string }>(
    await db.execute(sql`
    select c.relname as "table" from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`),
  ).map((r) => r.table);
  const columns = rowsOf<Column>(
    await db.execute(sql`
    select c.relname as "table", a.attname as name, a.attnum::int as attnum, a.attnotnull as "notNull"
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`),
  );
  // Primary keys and unique constraints own an index too, so unique indexes cover all three;
  // the constraint's name is kept for the message.
  const keys = rowsOf<Key>(
    await db.execute(sql`
    select c.relname as "table", coalesce(con.conname, ic.relname) as name,
      case when i.indisprimary then 'primary key' when con.oid is not null then 'unique constraint' else 'unique index' end as kind,
      (select coalesce(array_agg(k::int order by o), '{}') from unnest(i.indkey::int2[]) with ordinality as u(k, o)
        where o <= i.indnkeyatts) as columns,
      pg_get_expr(i.indexprs, i.indrelid) as expressions
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_constraint con on con.conindid = i.indexrelid and con.contype in ('p', 'u')
    where n.nspname = 'public' and i.indisunique`),
  );
  const foreignKeys = rowsOf<ForeignKey>(
    await db.execute(sql`
    select c.relname as "table", con.conname as name, t.relname as target,
      con.conkey::int[] as columns, con.confkey::int[] as "targetColumns"
    from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class t on t.oid = con.confrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and con.contype = 'f'`),
  );
  return { tables, columns, keys, foreignKeys };
}

/** The problems found; `tenancy` is normally `tableTenancy` from db/schema/tenancy.ts. */
export async function checkTenancy(db: Db, tenancy: Record<string, Tenancy>): Promise<string[]> {
  const { tables, columns, keys, foreignKeys } = await load(db);
  const problems: string[] = [];
  const clinicIdOf = new Map(columns.filter((c) => c.name === "clinic_id").map((c) => [c.table, c]));
  const isClinic = (t: string) => tenancy[t] === "clinic";

  for (const t of tables) {
    // drizzle keeps its journal in its own schema; skip it anywhere it might appear.
    if (t.startsWith("__drizzle")) continue;
    if (!(t in tenancy)) problems.push(`${t}: not classified in db/schema/tenancy.ts`);
  }
  for (const t of Object.keys(tenancy)) {
    if (!tables.includes(t)) problems.push(`${t}: classified in db/schema/tenancy.ts but not in the database`);
  }

  for (const t of tables.filter(isClinic)) {
    const clinicId = clinicIdOf.get(t);
    if (!clinicId) {
      problems.push(`${t}: clinic table without a clinic_id column`);
      continue;
    }
    if (!clinicId.notNull) problems.push(`${t}: clinic_id is nullable`);
    if (!keys.some((k) => k.table === t && k.kind === "primary key")) problems.push(`${t}: no primary key`);
    for (const k of keys.filter((k) => k.table === t)) {
      const inColumns = k.columns.includes(clinicId.attnum);
      const inExpressions = k.expressions !== null && /\bclinic_id\b/.test(k.expressions);
      if (!inColumns && !inExpressions) problems.push(`${t}: ${k.kind} ${k.name} does not include clinic_id`);
    }
  }

  for (const fk of foreignKeys.filter((f) => isClinic(f.table) && isClinic(f.target))) {
    const from = clinicIdOf.get(fk.table)?.attnum;
    const to = clinicIdOf.get(fk.target)?.attnum;
    // clinic_id must be paired with clinic_id: the referenced row is then in the same clinic.
    const paired = fk.columns.some((c, i) => c === from && fk.targetColumns[i] === to);
    if (!paired)
      problems.push(`${fk.table}: foreign key ${fk.name} to ${fk.target} does not pair clinic_id with clinic_id`);
  }
  return problems;
}
