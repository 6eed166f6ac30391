import "server-only";
import { cache } from "react";
import { and, asc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { clinicDay } from "./dates";
import type { ComplaintDto, createComplaintBody, updateComplaintBody } from "./schemas";

type Row = typeof complaints.$inferSelect;
export const toComplaintDto = (r: Row): ComplaintDto => ({
  id: r.id,
  clientId: r.clientId,
  title: r.title,
  regions: r.regions,
  onsetDate: r.onsetDate,
  status: r.status,
  resolvedOn: r.resolvedOn,
  version: r.version,
});

/**
 * A client's complaints, open first. Staff with clinical access see any client of the clinic;
 * a client sees their own (getClientOrThrow applies the row scope).
 */
export async function listComplaints(db: Db, actor: Actor, clientId: string): Promise<ComplaintDto[]> {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.read");
  const [, list] = await Promise.all([getClientOrThrow(db, actor, clientId), readComplaints(db, actor, clientId)]);
  return list;
}

/**
 * The complaints query alone, for a use-case that checks the client itself (progress reads the client
 * beside it). Memoised per server render: the portal home's pain cards and its progress both list them.
 */
export const readComplaints = cache(async (db: Db, actor: Actor, clientId: string): Promise<ComplaintDto[]> => {
  const rows = await db
    .select()
    .from(complaints)
    .where(and(clinicScope(actor, complaints), eq(complaints.clientId, clientId)))
    .orderBy(sql`${complaints.status} = 'resolved'`, asc(complaints.createdAt));
  return rows.map(toComplaintDto);
});

export async function createComplaint(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof createComplaintBody>,
) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    await getClientOrThrow(tx, actor, clientId);
    const [row] = await tx
      .insert(complaints)
      .values({
        clinicId: actor.clinicId,
        clientId,
        title: input.title,
        regions: input.regions,
        onsetDate: input.onsetDate ?? null,
        createdBy: actor.userId,
      })
      .returning();
    await recordEvent(tx, actor, {
      action: "complaint.created",
      entityType: "complaint",
      entityId: row!.id,
      details: { clientId },
    });
    return toComplaintDto(row!);
  });
}

export async function updateComplaint(
  db: Db,
  actor: Actor,
  complaintId: string,
  input: z.output<typeof updateComplaintBody>,
) {
  assertCan(actor, "clinical.write");
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(complaints)
      .where(and(clinicScope(actor, complaints), eq(complaints.id, complaintId)))
      .for("update");
    if (!current) throw notFound("That complaint");
    if (current.version !== input.version)
      throw conflict("This complaint was changed elsewhere. Reload to see the latest.");
    const { version: _v, ...changes } = input;
    const resolvedOn =
      changes.status === undefined
        ? current.resolvedOn
        : changes.status === "resolved"
          ? (current.resolvedOn ?? clinicDay(new Date(), actor.clinicTimezone))
          : null;
    const [row] = await tx
      .update(complaints)
      .set({ ...changes, resolvedOn, version: current.version + 1, updatedAt: new Date() })
      .where(and(clinicScope(actor, complaints), eq(complaints.id, complaintId)))
      .returning();
    await recordEvent(tx, actor, {
      action: "complaint.updated",
      entityType: "complaint",
      entityId: complaintId,
      details: { fields: Object.keys(changes) },
    });
    return toComplaintDto(row!);
  });
}
