import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, servicePrices, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { assertCanRead } from "./read-access";

export async function listPrices(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db
    .select({
      id: servicePrices.id,
      typeId: servicePrices.typeId,
      typeName: appointmentTypes.name,
      therapistUserId: servicePrices.therapistUserId,
      therapistName: users.name,
      amountMinor: servicePrices.amountMinor,
      taxRateId: servicePrices.taxRateId,
      procedureCode: servicePrices.procedureCode,
    })
    .from(servicePrices)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, servicePrices.clinicId), eq(appointmentTypes.id, servicePrices.typeId)),
    )
    .leftJoin(users, eq(users.id, servicePrices.therapistUserId))
    .where(clinicScope(actor, servicePrices))
    .orderBy(asc(appointmentTypes.name), asc(users.name));
  return rows;
}
