import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { localDateOf } from "@/lib/format/zoned";
import { searchOnlineSlots, therapistsOffering, type OnlineType } from "@/lib/scheduling/portal-booking/slot-search";
import { HOLD_MINUTES, publicClinicOrThrow, visitorOf, type PublicClinic } from "./public-clinic";
import type { PublicBookingOptions, PublicSlots } from "./schemas";

const CALL = "Please call the clinic to book.";

/** The live types the clinic offers to new clients. */
function newClientTypes(db: Db, clinicId: string) {
  return db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.clinicId, clinicId),
        eq(appointmentTypes.bookableByNewClients, true),
        isNull(appointmentTypes.archivedAt),
      ),
    )
    .orderBy(appointmentTypes.name);
}

/** One type new clients may book, or NOT_FOUND (absent, archived, another clinic's or not offered). */
export async function newClientTypeOrThrow(db: Db, clinic: PublicClinic, typeId: string): Promise<OnlineType> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(
        eq(appointmentTypes.clinicId, clinic.id),
        eq(appointmentTypes.id, typeId),
        eq(appointmentTypes.bookableByNewClients, true),
        isNull(appointmentTypes.archivedAt),
      ),
    );
  if (!type) throw notFound("That appointment type");
  return type;
}

/** What the public page offers: the types with who offers them (names only). */
export async function getPublicBookingOptions(db: Db, slug: string): Promise<PublicBookingOptions> {
  const clinic = await publicClinicOrThrow(db, slug);
  const types = await newClientTypes(db, clinic.id);
  const offering = await therapistsOffering(
    db,
    visitorOf(clinic),
    types.map((t) => t.id),
  );
  const list = types
    .map((t) => ({ id: t.id, name: t.name, durationMin: t.durationMin, therapists: offering.get(t.id) ?? [] }))
    .filter((t) => t.therapists.length > 0);
  return {
    clinicName: clinic.name,
    timeZone: clinic.timezone,
    locale: clinic.locale,
    cancellationNoticeHours: clinic.cancellationNoticeHours,
    canBook: list.length > 0,
    message: list.length > 0 ? null : `Nothing can be booked online just now. ${CALL}`,
    requiresApproval: clinic.requiresApproval,
    holdMinutes: HOLD_MINUTES,
    embedOrigins: clinic.embedOrigins,
    types: list,
  };
}

/** Free times within the clinic's lead time and horizon, grouped by clinic-local date. */
export async function listPublicSlots(
  db: Db,
  slug: string,
  q: { typeId: string; therapistId?: string },
  now = new Date(),
): Promise<PublicSlots> {
  const clinic = await publicClinicOrThrow(db, slug);
  const type = await newClientTypeOrThrow(db, clinic, q.typeId);
  const slots = await searchOnlineSlots(db, visitorOf(clinic), type, {
    from: now,
    to: new Date(now.getTime() + clinic.horizonDays * 86_400_000),
    now,
    therapistId: q.therapistId,
    leadMs: clinic.leadHours * 3_600_000,
    limit: Math.min(clinic.horizonDays, 60) * 48,
  });
  const days = new Map<string, PublicSlots["days"][number]["slots"]>();
  for (const s of slots) {
    const date = localDateOf(s.start, clinic.timezone);
    if (!days.has(date)) days.set(date, []);
    days.get(date)!.push({
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      therapistId: s.therapistId,
      therapistName: s.therapistName,
    });
  }
  return { timeZone: clinic.timezone, days: [...days].map(([date, slots]) => ({ date, slots })) };
}
