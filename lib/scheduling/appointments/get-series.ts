import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { selectAppointmentView } from "./view-query";
import type { SeriesDto } from "./series-schemas";
import { seriesRow } from "./series-row";

/** A series with all its appointments (whatever their status), in time order. */
export async function getSeries(db: Db, actor: Actor, seriesId: string): Promise<SeriesDto> {
  assertCan(actor, "schedule.manage");
  const s = await seriesRow(db, actor, seriesId);
  const rows = await selectAppointmentView(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    therapistUserId: appointments.therapistUserId,
    therapistName: users.name,
    roomId: appointments.roomId,
    roomName: rooms.name,
    typeName: appointmentTypes.name,
  })
    .where(and(clinicScope(actor, appointments), eq(appointments.seriesId, seriesId)))
    .orderBy(asc(appointments.startsAt));
  const skipped = Array.isArray(s.rule.skipped)
    ? (s.rule.skipped as unknown[]).filter((n): n is number => typeof n === "number")
    : [];
  return {
    id: s.id,
    clientId: s.clientId,
    clientName: `${s.preferredName ?? s.firstName} ${s.lastName}`,
    typeName: rows[0]?.typeName ?? "",
    appointments: rows.map(({ typeName: _t, ...r }) => ({
      ...r,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt.toISOString(),
    })),
    skipped,
  };
}
