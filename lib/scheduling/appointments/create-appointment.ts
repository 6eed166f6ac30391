import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { AppError, notFound } from "@/lib/errors";
import { assertDiary, assertOffersType, clinicTherapist } from "./appointment-access";
import { bookAppointment } from "./book-appointment";
import type { AppointmentView, CreateAppointmentInput } from "./calendar-schemas";
import { describeConflict } from "./conflict";
import { getAppointment } from "./get-appointment";
import { assertWithinHours } from "./working-hours";

/**
 * Books one appointment from the calendar: bookAppointment (idempotency key, database-decided
 * races) plus the calendar's rules — a therapist books only into their own diary, and a time
 * outside working hours needs the explicit override. A retried request returns the first booking.
 */
export async function createAppointment(
  db: Db,
  actor: Actor,
  input: CreateAppointmentInput,
): Promise<AppointmentView & { replayed: boolean }> {
  assertCan(actor, "schedule.manage");
  const { allowOutsideHours, ...booking } = input;
  const [type] = await db
    .select({ durationMin: appointmentTypes.durationMin, bufferAfterMin: appointmentTypes.bufferAfterMin })
    .from(appointmentTypes)
    .where(
      and(
        clinicScope(actor, appointmentTypes),
        eq(appointmentTypes.id, input.typeId),
        isNull(appointmentTypes.archivedAt),
      ),
    );
  if (!type) throw notFound("That appointment type");
  const therapist = await clinicTherapist(db, actor, input.therapistUserId);
  assertDiary(actor, therapist.id);
  await assertOffersType(db, actor, input.typeId, therapist);
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(startsAt.getTime() + type.durationMin * 60_000);
  // A retry carries the same body, so it passes the same check and bookAppointment replays it.
  await assertWithinHours(db, actor, therapist, startsAt, endsAt, allowOutsideHours);
  try {
    const { appointment, replayed } = await bookAppointment(db, actor, booking);
    return { ...(await getAppointment(db, actor, appointment.id)), replayed };
  } catch (err) {
    // bookAppointment names the therapist or room; the calendar also names the client and any buffer.
    if (err instanceof AppError && err.code === "CONFLICT" && err.details?.reason !== "idempotency_mismatch") {
      const blocksUntil = new Date(endsAt.getTime() + type.bufferAfterMin * 60_000);
      throw new AppError(
        "CONFLICT",
        await describeConflict(db, actor, {
          therapistUserId: therapist.id,
          roomId: input.roomId ?? null,
          startsAt,
          endsAt,
          blocksUntil,
        }),
        undefined,
        { reason: "overlap" },
      );
    }
    throw err;
  }
}
