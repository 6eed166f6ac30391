import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { complaints } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { clinicDay } from "../dates";
import type { updateComplaintBody } from "../schemas";
import { toComplaintDto } from "./complaint-rows";

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
