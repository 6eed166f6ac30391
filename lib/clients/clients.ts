import "server-only";
import { cache } from "react";
import { and, asc, eq, gt, ilike, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { containsPattern } from "@/lib/sql-like";
import { clients, invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { AppError, conflict, notFound } from "@/lib/errors";
import type { ClientDetail, ClientSummary, clientFields, listClientsQuery, updateClientBody } from "./schemas";

const summaryColumns = {
  id: clients.id,
  firstName: clients.firstName,
  lastName: clients.lastName,
  preferredName: clients.preferredName,
  dateOfBirth: clients.dateOfBirth,
  email: clients.email,
  phone: clients.phone,
  archivedAt: clients.archivedAt,
  userId: clients.userId,
};

type SummaryRow = Pick<typeof clients.$inferSelect, keyof typeof summaryColumns>;

function toSummary(r: SummaryRow): ClientSummary {
  const { userId, archivedAt, ...rest } = r;
  return { ...rest, archivedAt: archivedAt?.toISOString() ?? null, hasPortalAccess: userId !== null };
}

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

/**
 * One client the actor may see, or NOT_FOUND (also for another clinic's: existence never leaks).
 *
 * Memoised per server render with React's cache() (keyed on the same db, actor and id): the
 * portal home's sections each check the client through their own use-case and loaded it five
 * times (issue 16). Outside a render (route handlers, tests, scripts) cache() calls straight
 * through, and a transaction is a different db, so a write never reads a remembered row.
 */
export const getClientOrThrow: (db: Db, actor: Actor, clientId: string) => Promise<ClientDetail> =
  cache(loadClientOrThrow);

async function loadClientOrThrow(db: Db, actor: Actor, clientId: string): Promise<ClientDetail> {
  const [row] = await db
    .select({
      ...summaryColumns,
      version: clients.version,
      createdAt: clients.createdAt,
      updatedAt: clients.updatedAt,
      selfBookedAt: clients.selfBookedAt,
    })
    .from(clients)
    .where(and(clientScope(actor), eq(clients.id, clientId)));
  if (!row) throw notFound("That client");
  const [invite] = row.userId
    ? []
    : await db
        .select({ id: invitations.id, email: invitations.email, expiresAt: invitations.expiresAt })
        .from(invitations)
        .where(
          and(
            eq(invitations.clinicId, actor.clinicId),
            eq(invitations.clientId, clientId),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, new Date()),
          ),
        )
        .limit(1);
  const { version, createdAt, updatedAt, selfBookedAt, ...summary } = row;
  return {
    ...toSummary(summary),
    version,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    pendingInvitation: invite ? { ...invite, expiresAt: invite.expiresAt.toISOString() } : null,
    selfBookedAt: selfBookedAt?.toISOString() ?? null,
  };
}

export async function createClient(db: Db, actor: Actor, input: z.output<typeof clientFields>): Promise<ClientDetail> {
  assertCan(actor, "clients.write");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clients)
      .values({ clinicId: actor.clinicId, ...input })
      .returning({ id: clients.id });
    await recordEvent(tx, actor, { action: "client.created", entityType: "client", entityId: row!.id });
    return row!.id;
  });
  return getClientOrThrow(db, actor, id);
}

export async function updateClient(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof updateClientBody>,
): Promise<ClientDetail> {
  assertCan(actor, "clients.write");
  const { version, ...changes } = input;
  await db.transaction(async (tx) => {
    const current = await getClientOrThrow(tx, actor, clientId);
    if (current.archivedAt)
      throw new AppError("CONFLICT", "This client is archived. Restore the record before editing it.");
    const [row] = await tx
      .update(clients)
      .set({ ...changes, version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(clientScope(actor), eq(clients.id, clientId), eq(clients.version, version)))
      .returning({ id: clients.id });
    if (!row) {
      throw conflict(
        "Someone else saved this client while you were editing. Reload to see their changes, then apply yours.",
        {
          currentVersion: current.version,
        },
      );
    }
    await recordEvent(tx, actor, {
      action: "client.updated",
      entityType: "client",
      entityId: clientId,
      details: { fields: Object.keys(changes) },
    });
  });
  return getClientOrThrow(db, actor, clientId);
}

/** Archive (soft delete) or restore. Nothing clinical is ever hard-deleted from the UI. */
export async function setClientArchived(
  db: Db,
  actor: Actor,
  clientId: string,
  archived: boolean,
): Promise<ClientDetail> {
  assertCan(actor, "clients.archive");
  await db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    await tx
      .update(clients)
      .set({ archivedAt: archived ? new Date() : null, version: sql`${clients.version} + 1`, updatedAt: new Date() })
      .where(and(clientScope(actor), eq(clients.id, clientId)));
    await recordEvent(tx, actor, {
      action: archived ? "client.archived" : "client.restored",
      entityType: "client",
      entityId: clientId,
    });
  });
  return getClientOrThrow(db, actor, clientId);
}
