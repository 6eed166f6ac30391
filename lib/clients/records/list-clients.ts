import "server-only";
import { and, asc, ilike, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { containsPattern } from "@/lib/sql-like";
import { clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import type { listClientsQuery } from "../schemas";
import { summaryColumns, toSummary } from "./client-rows";

/**
 * Search by name, email or phone (digits match whatever the formatting), on the columns the database keeps
 * for it (clients.search_text, clients.phone_digits) so the trigram indexes answer instead of a scan.
 */
function searchCondition(q: string): SQL | undefined {
  // A query that looks like a phone number matches on its digits as a whole, so
  // "+44 7700" and the national "07700 900002" both find "+44 7700 900002".
  if (/^[+()0-9 .-]+$/.test(q.trim())) {
    const digits = q.replace(/\D/g, "").replace(/^0+/, "");
    if (digits.length >= 3) return like(clients.phoneDigits, `%${digits}%`);
  }
  const terms = q.split(/\s+/).filter(Boolean).slice(0, 5);
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      const digits = term.replace(/\D/g, "");
      return or(
        ilike(clients.searchText, containsPattern(term)),
        digits.length >= 3 ? like(clients.phoneDigits, `%${digits}%`) : undefined,
      );
    }),
  );
}

export async function listClients(db: Db, actor: Actor, q: z.output<typeof listClientsQuery>) {
  assertCan(actor, "clients.read");
  const where = and(
    clientScope(actor),
    q.status === "active"
      ? isNull(clients.archivedAt)
      : q.status === "archived"
        ? isNotNull(clients.archivedAt)
        : undefined,
    q.q ? searchCondition(q.q) : undefined,
  );
  const [rows, [{ total } = { total: 0 }]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(clients)
      .where(where)
      .orderBy(asc(sql`lower(${clients.lastName})`), asc(sql`lower(${clients.firstName})`), asc(clients.id))
      .limit(q.limit)
      .offset(q.offset),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(clients)
      .where(where),
  ]);
  return { items: rows.map(toSummary), total };
}
