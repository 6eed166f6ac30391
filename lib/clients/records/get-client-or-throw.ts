import "server-only";
import { cache } from "react";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, invitations } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clientScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { ClientDetail } from "../schemas";
import { summaryColumns, toSummary } from "./client-rows";

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
