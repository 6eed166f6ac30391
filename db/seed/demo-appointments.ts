import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { appointments, appointmentTypes, auditEvents, clients, clinics, rooms, therapistHours, users } from "../schema";
import { addLocalDays, isoWeekdayOf, localDateOf, zonedInstant } from "@/lib/format/zoned";

const ROOMS = ["Room 1", "Room 2", "Studio"];
// Colours are used as a tint with dark text on the calendar, so any of them stays readable.
const TYPES = [
  {
    key: "initial",
    name: "Initial assessment",
    durationMin: 60,
    bufferAfterMin: 15,
    colour: "#0f6b73",
    bookableOnline: false,
    needsRoom: true,
  },
  {
    key: "follow",
    name: "Follow-up treatment",
    durationMin: 45,
    bufferAfterMin: 15,
    colour: "#7c3aed",
    bookableOnline: true,
    needsRoom: true,
  },
  {
    key: "review",
    name: "Review",
    durationMin: 30,
    bufferAfterMin: 0,
    colour: "#b45309",
    bookableOnline: true,
    needsRoom: true,
  },
] as const;
type TypeKey = (typeof TYPES)[number]["key"];

const OPENING = [1, 2, 3, 4, 5]
  .map((weekday) => ({ weekday, start: "08:00", end: "19:00" }))
  .concat({ weekday: 6, start: "09:00", end: "13:00" });
// Tara's split shift. Theo's hours are left for the admin to set on the Availability page.
const TARA_HOURS = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: "09:00", end: "13:00" },
  { weekday, start: "14:00", end: "18:00" },
]);

type Who = "tara" | "theo";
/** [weekday 1–5, local time, therapist, client email, type, room index]. */
const WEEK: [number, string, Who, string, TypeKey, number][] = [
  [1, "09:00", "tara", "client@demo.test", "initial", 0],
  [1, "10:30", "tara", "priya.shah@example.test", "follow", 0],
  [1, "09:30", "theo", "tom.okafor@example.test", "follow", 1],
  [1, "11:00", "theo", "maria.lopez@example.test", "review", 1],
  [2, "09:00", "tara", "ben.walsh@example.test", "follow", 0],
  [2, "11:00", "tara", "hannah.kim@example.test", "initial", 0],
  [2, "14:00", "theo", "george.brown@example.test", "follow", 1],
  [3, "10:00", "theo", "luca.rossi@example.test", "initial", 1],
  [3, "14:00", "tara", "aisha.bello@example.test", "follow", 0],
  [3, "16:00", "tara", "sophie.martin@example.test", "review", 0],
  [4, "09:00", "tara", "client@demo.test", "follow", 0],
  [4, "09:00", "theo", "priya.shah@example.test", "review", 1],
  [4, "11:00", "tara", "tom.okafor@example.test", "follow", 0],
  [5, "10:00", "tara", "maria.lopez@example.test", "follow", 0],
  [5, "15:00", "theo", "ben.walsh@example.test", "follow", 1],
];

/**
 * Demo Clinic's calendar: opening hours, rooms, appointment types, Tara's weekly hours (each
 * only if the clinic has none yet) and a working week of appointments, in the clinic's zone,
 * relative to the seed date: this week, or next week when seeded at the weekend. Past ones are
 * completed, one is a no-show and one a late cancellation, so every status shows.
 */
export async function seedDemoAppointments(tx: Db, now = new Date()): Promise<void> {
  const [clinic] = await tx.select().from(clinics).where(eq(clinics.slug, "demo-clinic"));
  if (!clinic) throw new Error("Demo appointments: seed the demo clinic first");
  const clinicId = clinic.id;
  const tz = clinic.timezone;
  const staff = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ["admin@demo.test", "therapist@demo.test", "therapist2@demo.test"]));
  const idOf = (email: string) => staff.find((s) => s.email === email)!.id;
  const therapist: Record<Who, string> = { tara: idOf("therapist@demo.test"), theo: idOf("therapist2@demo.test") };
  const admin = idOf("admin@demo.test");

  if (clinic.openingHours.length === 0)
    await tx.update(clinics).set({ openingHours: OPENING }).where(eq(clinics.id, clinicId));
  let roomIds = (await tx.select({ id: rooms.id }).from(rooms).where(eq(rooms.clinicId, clinicId))).map((r) => r.id);
  if (roomIds.length === 0) {
    roomIds = (
      await tx
        .insert(rooms)
        .values(ROOMS.map((name) => ({ clinicId, name })))
        .returning({ id: rooms.id })
    ).map((r) => r.id);
  }
  const existingTypes = await tx
    .select({ id: appointmentTypes.id })
    .from(appointmentTypes)
    .where(eq(appointmentTypes.clinicId, clinicId));
  if (existingTypes.length > 0) return; // The clinic set up its own types: leave its calendar alone.
  const typeRows = await tx
    .insert(appointmentTypes)
    .values(TYPES.map(({ key: _key, ...t }) => ({ clinicId, ...t })))
    .returning();
  const type = (key: TypeKey) => typeRows[TYPES.findIndex((t) => t.key === key)]!;
  const [hours] = await tx
    .select()
    .from(therapistHours)
    .where(and(eq(therapistHours.clinicId, clinicId), eq(therapistHours.therapistUserId, therapist.tara)));
  if (!hours) await tx.insert(therapistHours).values({ clinicId, therapistUserId: therapist.tara, blocks: TARA_HOURS });

  const today = localDateOf(now, tz);
  const weekday = isoWeekdayOf(today);
  const monday = weekday <= 5 ? addLocalDays(today, 1 - weekday) : addLocalDays(today, 8 - weekday);
  const clientRows = await tx
    .select({ id: clients.id, email: clients.email })
    .from(clients)
    .where(eq(clients.clinicId, clinicId));

  for (const [day, time, who, email, typeKey, room] of WEEK) {
    const t = type(typeKey);
    const startsAt = zonedInstant(addLocalDays(monday, day - 1), time, tz);
    const endsAt = new Date(startsAt.getTime() + t.durationMin * 60_000);
    const blocksUntil = new Date(endsAt.getTime() + t.bufferAfterMin * 60_000);
    const past = endsAt < now;
    const noShow = past && who === "theo" && day === 2;
    const lateCancel = email === "sophie.martin@example.test";
    // Cancelled by phone three hours before, or now if that is still to come: late only inside the notice.
    const cancelledAt = new Date(Math.min(now.getTime(), startsAt.getTime() - 3 * 3_600_000));
    const late = startsAt.getTime() - cancelledAt.getTime() < clinic.cancellationNoticeHours * 3_600_000;
    const [row] = await tx
      .insert(appointments)
      .values({
        clinicId,
        clientId: clientRows.find((c) => c.email === email)!.id,
        therapistUserId: therapist[who],
        roomId: roomIds[room % roomIds.length]!,
        typeId: t.id,
        startsAt,
        endsAt,
        blocksUntil,
        createdBy: admin,
        status: lateCancel ? "cancelled" : noShow ? "no_show" : past ? "completed" : "booked",
        ...(lateCancel
          ? { cancelReason: "Car broke down", cancelledAt, cancelledBy: admin, lateCancellation: late }
          : {}),
      })
      .returning({ id: appointments.id });
    await tx.insert(auditEvents).values({
      clinicId,
      actorUserId: admin,
      action: "appointment.booked",
      entityType: "appointment",
      entityId: row!.id,
      details: { source: "demo-seed" },
    });
  }
}
