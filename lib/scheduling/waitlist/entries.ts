import "server-only";
import { and, asc, eq, inArray, isNull, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, clients, memberships, users, waitlistEntries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import type { WaitlistEntryDto, WaitlistEntryInput, waitlistPatchBody, waitlistQuery } from "./schemas";

type EntryRow = typeof waitlistEntries.$inferSelect & {
  firstName: string;
  lastName: string;
  preferredName: string | null;
  typeName: string | null;
};

async function entryRows(db: Db, actor: Actor, where: SQL | undefined): Promise<EntryRow[]> {
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

export async function listWaitlist(
  db: Db,
  actor: Actor,
  q: z.output<typeof waitlistQuery>,
): Promise<WaitlistEntryDto[]> {
  assertCan(actor, "schedule.manage");
  const status =
    q.status === "all"
      ? undefined
      : q.status === "open"
        ? inArray(waitlistEntries.status, ["waiting", "offered"])
        : eq(waitlistEntries.status, q.status);
  return toEntryDtos(db, actor, await entryRows(db, actor, status));
}

export async function getWaitlistEntry(db: Db, actor: Actor, entryId: string): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const [row] = await entryRows(db, actor, eq(waitlistEntries.id, entryId));
  if (!row) throw notFound("That waitlist entry");
  return (await toEntryDtos(db, actor, [row]))[0]!;
}

async function assertPreferences(
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
      .where(
        and(
          eq(memberships.clinicId, actor.clinicId),
          eq(memberships.role, "therapist"),
          isNull(memberships.revokedAt),
          inArray(memberships.userId, [...p.therapistUserIds]),
        ),
      );
    if (found.length !== p.therapistUserIds.length)
      throw invalid("Choose therapists of this clinic.", { therapistUserIds: ["Choose therapists of this clinic."] });
  }
}

/** Puts a client on the waitlist. One open entry per client and type: a second would only double the calls. */
export async function addWaitlistEntry(db: Db, actor: Actor, input: WaitlistEntryInput): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const [client] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(and(clinicScope(actor, clients), eq(clients.id, input.clientId), isNull(clients.archivedAt)));
  if (!client) throw notFound("That client");
  await assertPreferences(db, actor, input);
  const open = await entryRows(
    db,
    actor,
    and(eq(waitlistEntries.clientId, input.clientId), inArray(waitlistEntries.status, ["waiting", "offered"])),
  );
  if (open.some((e) => e.typeId === input.typeId))
    throw conflict("This client is already on the waitlist for that appointment type. Edit that entry instead.");
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(waitlistEntries)
      .values({ clinicId: actor.clinicId, ...input, createdBy: actor.userId })
      .returning({ id: waitlistEntries.id });
    await recordEvent(tx, actor, {
      action: "waitlist.added",
      entityType: "waitlist_entry",
      entityId: row!.id,
      details: { clientId: input.clientId },
    });
    return row!.id;
  });
  return getWaitlistEntry(db, actor, id);
}

/** Edits preferences, or puts the entry back to waiting / removes it (kept, with its history). */
export async function updateWaitlistEntry(
  db: Db,
  actor: Actor,
  entryId: string,
  input: z.output<typeof waitlistPatchBody>,
): Promise<WaitlistEntryDto> {
  assertCan(actor, "schedule.manage");
  const current = await getWaitlistEntry(db, actor, entryId);
  await assertPreferences(db, actor, input);
  const timeFrom = input.timeFrom !== undefined ? input.timeFrom : current.timeFrom;
  const timeTo = input.timeTo !== undefined ? input.timeTo : current.timeTo;
  if (timeFrom && timeTo && timeTo <= timeFrom)
    throw invalid("The latest time must be after the earliest.", {
      timeTo: ["The latest time must be after the earliest."],
    });
  if (current.status === "booked" && input.status)
    throw conflict("This client has been booked from the waitlist; add a new entry if they are waiting again.");
  await db.transaction(async (tx) => {
    const set = {
      ...input,
      updatedAt: new Date(),
      ...(input.status === "waiting" ? { offeredAppointmentId: null } : {}),
    };
    await tx
      .update(waitlistEntries)
      .set(set)
      .where(and(clinicScope(actor, waitlistEntries), eq(waitlistEntries.id, entryId)));
    const action = input.status === "removed" ? "waitlist.removed" : "waitlist.updated";
    await recordEvent(tx, actor, {
      action,
      entityType: "waitlist_entry",
      entityId: entryId,
      details: { fields: Object.keys(input) },
    });
  });
  return getWaitlistEntry(db, actor, entryId);
}

export async function removeWaitlistEntry(db: Db, actor: Actor, entryId: string): Promise<WaitlistEntryDto> {
  return updateWaitlistEntry(db, actor, entryId, { status: "removed" });
}
