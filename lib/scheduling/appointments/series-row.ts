import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentSeries, clients } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";

export async function seriesRow(db: Db, actor: Actor, seriesId: string) {
  const [row] = await db
    .select({
      id: appointmentSeries.id,
      clientId: appointmentSeries.clientId,
      rule: appointmentSeries.rule,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
    })
    .from(appointmentSeries)
    .innerJoin(
      clients,
      and(eq(clients.clinicId, appointmentSeries.clinicId), eq(clients.id, appointmentSeries.clientId)),
    )
    .where(and(clinicScope(actor, appointmentSeries), eq(appointmentSeries.id, seriesId)));
  if (!row) throw notFound("That series");
  return row;
}
