import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import type { ClientVisitsPage, ClientVisitsQuery } from "../schemas";
import { visitStatusOf } from "./visit-rows";

/**
 * One page of a client's visits, newest first, with their status, and how many there are in all.
 * Keyset-paged on (start, id) over visits_client_started_idx, so a client with hundreds of visits
 * sends one page and the next page costs what the first does (issue 16). The cursor carries the
 * start to the microsecond (a JavaScript Date keeps only milliseconds, which could skip a visit).
 */
export async function listClientVisits(
  db: Db,
  actor: Actor,
  clientId: string,
  q: ClientVisitsQuery = { limit: 20 },
): Promise<ClientVisitsPage> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const [afterStart, afterId] = q.after ? q.after.split("~") : [];
  const ofClient = and(clinicScope(actor, visits), eq(visits.clientId, clientId));
  const [[total], rows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(visits)
      .where(ofClient),
    db
      .select({
        id: visits.id,
        clientId: visits.clientId,
        startedAt: visits.startedAt,
        signedAt: visits.signedAt,
        therapistName: users.name,
        findingCount: sql<number>`(select count(*)::int from findings f where f.clinic_id = visits.clinic_id and f.visit_id = visits.id)`,
        activeCount: sql<number>`(select count(*)::int from findings f where f.clinic_id = visits.clinic_id and f.visit_id = visits.id and f.type = 'active' and f.status is distinct from 'resolved')`,
        amendmentCount: sql<number>`(select count(*)::int from visit_amendments a where a.clinic_id = visits.clinic_id and a.visit_id = visits.id)`,
        cursor: sql<string>`to_char(${visits.startedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z~"') || ${visits.id}::text`,
      })
      .from(visits)
      .innerJoin(users, eq(users.id, visits.therapistUserId))
      .where(
        and(
          ofClient,
          afterStart
            ? sql`(${visits.startedAt}, ${visits.id}) < (${afterStart}::timestamptz, ${afterId}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(visits.startedAt), desc(visits.id))
      .limit(q.limit + 1),
  ]);
  const page = rows.slice(0, q.limit);
  return {
    items: page.map(({ amendmentCount, cursor: _cursor, ...r }) => ({
      ...r,
      startedAt: r.startedAt.toISOString(),
      signedAt: r.signedAt?.toISOString() ?? null,
      status: visitStatusOf(r, amendmentCount),
    })),
    count: total?.n ?? 0,
    nextCursor: rows.length > q.limit ? (page.at(-1)?.cursor ?? null) : null,
  };
}
