import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent, recordEvents } from "@/lib/audit/record-event";
import { notifySeries } from "./series-notice";
import { zonedInstant } from "@/lib/format/zoned";
import { assertDiary } from "./appointment-access";
import type { cancelSeriesBody } from "./series-schemas";
import { seriesRow } from "./series-row";

/**
 * Cancels the rest of a series: every still-booked session from `fromDate` (a local date,
 * inclusive) that has not started yet. Past, arrived and completed sessions stay as they are.
 */
export async function cancelSeriesFrom(
  db: Db,
  actor: Actor,
  seriesId: string,
  input: z.output<typeof cancelSeriesBody>,
) {
  assertCan(actor, "schedule.manage");
  await seriesRow(db, actor, seriesId);
  const now = new Date();
  const fromDay = zonedInstant(input.fromDate, 0, actor.clinicTimezone);
  const from = fromDay > now ? fromDay : now;
  const toCancel = () =>
    and(
      clinicScope(actor, appointments),
      eq(appointments.seriesId, seriesId),
      eq(appointments.status, "booked"),
      gte(appointments.startsAt, from),
    );
  return db.transaction(async (tx) => {
    // A therapist cancels only their own diary: a series with sessions moved to a colleague
    // is refused as a whole (the front desk cancels it), rather than cancelled in part.
    const sessions = await tx
      .select({ therapistUserId: appointments.therapistUserId })
      .from(appointments)
      .where(toCancel())
      .for("update");
    assertDiary(actor, ...sessions.map((s) => s.therapistUserId));
    const rows = await tx
      .update(appointments)
      .set({
        status: "cancelled",
        cancelReason: input.reason,
        cancelledAt: now,
        cancelledBy: actor.userId,
        updatedAt: now,
        version: sql`${appointments.version} + 1`,
      })
      .where(toCancel())
      .returning({ id: appointments.id });
    // One message listing what was cancelled (none when nothing was, or when staff say not to).
    // The reason is the clinic's own note; only messageToClient is shared.
    if (input.notifyClient !== false)
      await notifySeries(tx, {
        clinicId: actor.clinicId,
        seriesId,
        event: "cancelled",
        appointmentIds: rows.map((r) => r.id),
        sharedReason: input.messageToClient || null,
      });
    // The reason is staff text: the audit keeps only that there was one.
    await recordEvent(tx, actor, {
      action: "series.cancelled",
      entityType: "appointment_series",
      entityId: seriesId,
      details: { fromDate: input.fromDate, appointments: rows.length },
    });
    await recordEvents(
      tx,
      actor,
      rows.map((r) => ({
        action: "appointment.cancelled",
        entityType: "appointment",
        entityId: r.id,
        details: { seriesId },
      })),
    );
    return { cancelled: rows.length, appointmentIds: rows.map((r) => r.id) };
  });
}
