import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientPackages, clients, invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { localDateIn } from "./rules/dates";
import type { ClientPackageDto } from "./package-schemas";

/**
 * A client's packages, oldest first, with sessions left and expiry (a package is usable up to
 * and including its expiry day in the clinic's zone). Billing staff see any client's; a client
 * sees their own in the portal. Packages whose sale invoice was voided are left out.
 */
export async function listClientPackages(
  db: Db,
  actor: Actor,
  clientId: string,
  now = new Date(),
): Promise<ClientPackageDto[]> {
  if (!can(actor, "billing.manage")) {
    if (!(actor.clientId === clientId && can(actor, "portal.self"))) {
      if (actor.clientId) throw notFound("That client");
      assertCan(actor, "billing.manage");
    }
  }
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  if (!client) throw notFound("That client");
  const today = localDateIn(now, actor.clinicTimezone);
  const rows = await db
    .select({
      id: clientPackages.id,
      name: clientPackages.name,
      sessionsTotal: clientPackages.sessionsTotal,
      sessionsUsed: clientPackages.sessionsUsed,
      expiresOn: clientPackages.expiresOn,
      invoiceId: clientPackages.invoiceId,
      invoiceStatus: invoices.status,
    })
    .from(clientPackages)
    .innerJoin(invoices, and(eq(invoices.clinicId, clientPackages.clinicId), eq(invoices.id, clientPackages.invoiceId)))
    .where(and(eq(clientPackages.clinicId, actor.clinicId), eq(clientPackages.clientId, clientId)))
    .orderBy(asc(clientPackages.createdAt), asc(clientPackages.id));
  return rows
    .filter((r) => r.invoiceStatus !== "void")
    .map((r) => ({
      ...r,
      sessionsLeft: r.sessionsTotal - r.sessionsUsed,
      expired: r.expiresOn < today,
    }));
}
