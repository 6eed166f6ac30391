import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, clients, memberships, users, waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";
import type { WaitlistEntryDto } from "./schemas";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

type EntryRow = typeof waitlistEntries.$inferSelect & {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  typeName: string | null;
};

export async function entryRows(db: Db, actor: Actor, where: SQL | undefined): Promise<EntryRow[]> {
  return db
    .select({
      entry: waitlistEntries,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      typeName: appointmentTypes.name,
    })
    .from(waitlistEntries)
    .innerJoin(clients, and(eq(clients.clinicId, waitlistEntries.clinicId), eq(clients.id, waitlistEntries.clientId)))
    .leftJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, waitlistEntries.clinicId), eq(appointmentTypes.id, waitlistEntries.typeId)),
    )
    .where(and(clinicScope(actor, waitlistEntries), where))
    .orderBy(asc(waitlistEntries.createdAt))
    .then((rows) =>
      rows.map((r) => ({
        ...r.entry,
        firstName: r.firstName,
        lastName: r.lastName,
        preferredName: r.preferredName,
        typeName: r.typeName,
      })),
    );
}

/** Entry rows as DTOs, with the therapists' names (looked up once for the whole list). */
export async function toEntryDtos(db: Db, actor: Actor, rows: readonly EntryRow[]): Promise<WaitlistEntryDto[]> {
  const ids = [...new Set(rows.flatMap((r) => r.therapistUserIds))];
  const names = new Map(
    ids.length
      ? (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [
          u.id,
          u.name,
        ])
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    clientId: r.clientId,
    clientName: `${r.preferredName ?? r.firstName} ${r.lastName}`,
    typeId: r.typeId,
    typeName: r.typeName,
    therapistUserIds: r.therapistUserIds,
    therapistNames: r.therapistUserIds.map((id) => names.get(id) ?? "Former therapist"),
    weekdays: [...r.weekdays].sort(),
    timeFrom: r.timeFrom,
    timeTo: r.timeTo,
    note: r.note,
    status: r.status,
    offeredAppointmentId: r.offeredAppointmentId,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Entries (and client names, types) with the given conditions; open = waiting or offered. */
export async function findEntries(db: Db, actor: Actor, where?: SQL): Promise<EntryRow[]> {
  return entryRows(db, actor, where);
}

export async function assertPreferences(
  db: Db,
  actor: Actor,
  p: { typeId?: string | null; therapistUserIds?: readonly string[] },
) {
  if (p.typeId) {
    const [type] = await db
      .select({ id: appointmentTypes.id })
      .from(appointmentTypes)
      .where(
        and(
          clinicScope(actor, appointmentTypes),
          eq(appointmentTypes.id, p.typeId),
          isNull(appointmentTypes.archivedAt),
        ),
      );
    if (!type)
      throw invalid("Choose an appointment type of this clinic.", {
        typeId: ["Choose an appointment type of this clinic."],
      });
  }
  if (p.therapistUserIds?.length) {
    const found = await db
      .selectDistinct({ id: memberships.userId })
      .from(memberships)
      .where(and(currentTherapistOf(actor.clinicId), inArray(memberships.userId, [...p.therapistUserIds])));
    if (found.length !== p.therapistUserIds.length)
      throw invalid("Choose therapists of this clinic.", { therapistUserIds: ["Choose therapists of this clinic."] });
  }
}
