import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointments, emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { AppError } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { createRoom } from "@/lib/scheduling/setup/create-room";
import { actorFor, clientIdByName, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import { addWaitlistEntry } from "./add-waitlist-entry";
import { getWaitlistEntry } from "./get-waitlist-entry";
import { listWaitlist } from "./list-waitlist";
import { removeWaitlistEntry } from "./remove-waitlist-entry";
import { updateWaitlistEntry } from "./update-waitlist-entry";
import { offerSlot } from "./offer-slot";
import { recentlyFreedSlots } from "./recently-freed-slots";
import { waitlistMatches } from "./waitlist-matches";
import { offerBody, waitlistEntryBody, waitlistQuery } from "./schemas";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

let t: TestDb;
let admin: Actor;
let tara: string;
let theo: string;
let typeId: string;
let roomId: string;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await userIdByEmail(t.db, "therapist@demo.test");
  theo = await userIdByEmail(t.db, "therapist2@demo.test");
  typeId = (
    await createAppointmentType(t.db, admin, {
      name: "Treatment 60",
      durationMin: 60,
      bufferAfterMin: 15,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: true,
    })
  ).id;
  roomId = (await createRoom(t.db, admin, { name: "Room A" })).id;
});
afterAll(() => t.close());

const client = (first: string, last: string) => clientIdByName(t.db, first, last);
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const add = async (first: string, last: string, prefs: Record<string, unknown> = {}) =>
  addWaitlistEntry(t.db, admin, waitlistEntryBody.parse({ clientId: await client(first, last), ...prefs }));
/** Books and then cancels an appointment, as the calendar would, freeing its slot. */
async function freedSlot(first: string, last: string, startsAt: string, therapistUserId = tara) {
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId: await client(first, last),
    therapistUserId,
    typeId,
    roomId,
    startsAt,
  });
  await t.db
    .update(appointments)
    .set({ status: "cancelled", cancelledAt: new Date(), cancelReason: "Unwell" })
    .where(and(eq(appointments.clinicId, admin.clinicId), eq(appointments.id, appointment.id)));
  return appointment.id;
}

describe("the waitlist", () => {
  it("lists the waiting clients whose preferences fit a freed slot, best first, with the reasons", async () => {
    // Tuesday 13 July 2038, 10:00 BST with Tara.
    const freed = await freedSlot("Priya", "Shah", "2038-07-13T09:00:00Z");
    const tom = await add("Tom", "Okafor");
    const maria = await add("Maria", "Lopez", {
      typeId,
      therapistUserIds: [tara],
      weekdays: [2, 4],
      timeFrom: "08:00",
      timeTo: "12:00",
    });
    await add("Ben", "Walsh", { therapistUserIds: [theo] });
    await add("Hannah", "Kim", { weekdays: [1] });
    await add("Priya", "Shah"); // who cancelled it
    await add("George", "Brown"); // busy then
    const roomB = (await createRoom(t.db, admin, { name: "Room B" })).id;
    await bookAppointment(t.db, admin, {
      clientId: await client("George", "Brown"),
      therapistUserId: theo,
      typeId,
      roomId: roomB,
      startsAt: "2038-07-13T09:30:00Z",
    });
    const gone = await add("Aisha", "Bello");
    await removeWaitlistEntry(t.db, admin, gone.id);

    const result = await waitlistMatches(t.db, admin, freed);
    expect(result.slot).toMatchObject({
      appointmentId: freed,
      therapistName: "Tara Therapist",
      typeName: "Treatment 60",
      status: "cancelled",
      free: true,
    });
    expect(result.matches.map((m) => m.entry.clientName)).toEqual(["Maria Lopez", "Tom Okafor"]);
    expect(result.matches[0]!.reasons).toEqual([
      "Wants Treatment 60",
      "Prefers Tara Therapist",
      "Can come on Tuesdays",
      "Free 08:00–12:00",
    ]);
    expect(result.matches.map((m) => m.entry.id)).toEqual([maria.id, tom.id]);

    const recent = await recentlyFreedSlots(t.db, admin);
    expect(recent.find((s) => s.appointmentId === freed)).toMatchObject({ matchCount: 2, bestMatch: "Maria Lopez" });

    // Offering (a phone call) takes Tom out of the matches until the entry is set back to waiting.
    const offered = await offerSlot(t.db, admin, tom.id, offerBody.parse({ appointmentId: freed }));
    expect(offered).toMatchObject({
      bookedAppointmentId: null,
      entry: { status: "offered", offeredAppointmentId: freed },
    });
    expect((await waitlistMatches(t.db, admin, freed)).matches.map((m) => m.entry.clientName)).toEqual(["Maria Lopez"]);
    // Tom is told the time is free (not held), by email on the shared template; not linked to the freed
    // appointment, which was someone else's.
    const [offer] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.kind, "waitlist.offer"));
    expect(offer).toMatchObject({ clientId: tom.clientId, appointmentId: null });
    expect(offer!.subject).toMatch(/^A time has come up at Demo Clinic: Tue 13 Jul/);
    expect(offer!.bodyText).toContain("The time is not held for you.");
    expect(offer!.bodyHtml).toContain("A time has come up");

    // Maria says yes: she is booked into the freed slot.
    const booked = await offerSlot(t.db, admin, maria.id, offerBody.parse({ appointmentId: freed, book: true }));
    expect(booked.entry.status).toBe("booked");
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, booked.bookedAppointmentId!));
    expect(row).toMatchObject({
      clientId: maria.clientId,
      therapistUserId: tara,
      roomId,
      startsAt: new Date("2038-07-13T09:00:00Z"),
      status: "booked",
    });
    expect((await waitlistMatches(t.db, admin, freed)).slot.free).toBe(false);
    expect((await recentlyFreedSlots(t.db, admin)).map((s) => s.appointmentId)).not.toContain(freed);

    // Tom is too late now: 409, and his entry stays as it was.
    const late = await failure(offerSlot(t.db, admin, tom.id, offerBody.parse({ appointmentId: freed, book: true })));
    expect(late).toMatchObject({
      code: "CONFLICT",
      message: "That slot has been taken meanwhile. Choose another freed slot.",
    });
    expect((await getWaitlistEntry(t.db, admin, tom.id)).status).toBe("offered");
    expect((await updateWaitlistEntry(t.db, admin, tom.id, { status: "waiting" })).offeredAppointmentId).toBeNull();
  });

  it("of two clients booked into one freed slot at once, exactly one gets it; the other's entry stays waiting", async () => {
    const freed = await freedSlot("Tom", "Okafor", "2038-07-20T13:00:00Z", theo);
    const [luca, sophie] = [await add("Luca", "Rossi"), await add("Sophie", "Martin")];
    const results = await Promise.allSettled(
      [luca, sophie].map((e) => offerSlot(t.db, admin, e.id, offerBody.parse({ appointmentId: freed, book: true }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect((lost.reason as AppError).code).toBe("CONFLICT");
    const statuses = await Promise.all(
      [luca, sophie].map(async (e) => (await getWaitlistEntry(t.db, admin, e.id)).status),
    );
    expect(statuses.sort()).toEqual(["booked", "waiting"]);
  });

  it("edits, filters and refuses a second open entry for the same client and type", async () => {
    const entry = await add("Casey", "Client", { typeId, note: "Prefers mornings" });
    expect((await failure(add("Casey", "Client", { typeId })))?.code).toBe("CONFLICT");
    const edited = await updateWaitlistEntry(t.db, admin, entry.id, { weekdays: [5, 1], timeFrom: "09:00" });
    expect(edited).toMatchObject({
      weekdays: [1, 5],
      timeFrom: "09:00",
      timeTo: null,
      note: "Prefers mornings",
      typeName: "Treatment 60",
    });
    expect((await failure(updateWaitlistEntry(t.db, admin, entry.id, { timeTo: "08:00" })))?.code).toBe("INVALID");
    expect((await failure(add("Ben", "Walsh", { therapistUserIds: [admin.userId] })))?.code).toBe("INVALID");
    await removeWaitlistEntry(t.db, admin, entry.id);
    expect((await listWaitlist(t.db, admin, waitlistQuery.parse({}))).map((e) => e.id)).not.toContain(entry.id);
    expect((await listWaitlist(t.db, admin, waitlistQuery.parse({ status: "removed" }))).map((e) => e.id)).toContain(
      entry.id,
    );
  });

  it("keeps another clinic out: 404 for the entries, the slot and the client", async () => {
    const entry = await add("Hannah", "Kim", { typeId });
    const freed = await freedSlot("Hannah", "Kim", "2038-07-21T13:00:00Z");
    const other = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect((await failure(waitlistMatches(t.db, other, freed)))?.code).toBe("NOT_FOUND");
    expect((await failure(getWaitlistEntry(t.db, other, entry.id)))?.code).toBe("NOT_FOUND");
    expect((await failure(updateWaitlistEntry(t.db, other, entry.id, { note: "x" })))?.code).toBe("NOT_FOUND");
    expect((await failure(offerSlot(t.db, other, entry.id, offerBody.parse({}))))?.code).toBe("NOT_FOUND");
    expect(
      (await failure(addWaitlistEntry(t.db, other, waitlistEntryBody.parse({ clientId: entry.clientId }))))?.code,
    ).toBe("NOT_FOUND");
    expect(await listWaitlist(t.db, other, waitlistQuery.parse({ status: "all" }))).toEqual([]);
    expect(await recentlyFreedSlots(t.db, other)).toEqual([]);
  });

  it("books only into a slot the actor may book: own diary, a therapist who offers the type, not in the past", async () => {
    const taraActor = await actorFor(t.db, "therapist@demo.test");
    const review = (
      await createAppointmentType(t.db, admin, {
        name: "Review 30",
        durationMin: 30,
        bufferAfterMin: 0,
        colour: "#0f6b73",
        bookableOnline: false,
        needsRoom: false,
      })
    ).id;
    const entry = await add("Aisha", "Bello", { typeId: review });
    const theos = await freedSlot("Tom", "Okafor", "2038-08-02T09:00:00Z", theo);
    const refused = await failure(
      offerSlot(t.db, taraActor, entry.id, offerBody.parse({ appointmentId: theos, book: true })),
    );
    expect(refused?.code).toBe("FORBIDDEN");
    expect((await getWaitlistEntry(t.db, admin, entry.id)).status).toBe("waiting");

    const past = await freedSlot("Tom", "Okafor", "2024-03-04T09:00:00Z");
    const late = await failure(offerSlot(t.db, admin, entry.id, offerBody.parse({ appointmentId: past, book: true })));
    expect(late).toMatchObject({
      code: "INVALID",
      message: "That slot has already started, so it cannot be booked. Choose a later freed slot.",
    });

    const onlyTara = (
      await createAppointmentType(t.db, admin, {
        name: "Dry needling",
        durationMin: 30,
        bufferAfterMin: 0,
        colour: "#0f6b73",
        bookableOnline: false,
        needsRoom: false,
        therapistIds: [tara],
      })
    ).id;
    const needling = await add("Ben", "Walsh", { typeId: onlyTara });
    const notOffered = await failure(
      offerSlot(t.db, admin, needling.id, offerBody.parse({ appointmentId: theos, book: true })),
    );
    expect(notOffered).toMatchObject({
      code: "INVALID",
      message: "Theo Therapist does not offer this appointment type (see Settings → Appointment types).",
    });
    expect((await getWaitlistEntry(t.db, admin, needling.id)).status).toBe("waiting");

    const taras = await freedSlot("Tom", "Okafor", "2038-08-02T13:00:00Z");
    const own = await offerSlot(t.db, taraActor, entry.id, offerBody.parse({ appointmentId: taras, book: true }));
    expect(own.entry.status).toBe("booked");
  });

  it("of two bookings of one entry at once (two slots), exactly one is made; the other gets 409", async () => {
    const review = (
      await createAppointmentType(t.db, admin, {
        name: "Check-up 30",
        durationMin: 30,
        bufferAfterMin: 0,
        colour: "#0f6b73",
        bookableOnline: false,
        needsRoom: false,
      })
    ).id;
    const entry = await add("Casey", "Client", { typeId: review });
    const slots = [
      await freedSlot("Tom", "Okafor", "2038-08-03T09:00:00Z"),
      await freedSlot("Tom", "Okafor", "2038-08-03T13:00:00Z", theo),
    ];
    const results = await Promise.allSettled(
      slots.map((appointmentId) => offerSlot(t.db, admin, entry.id, offerBody.parse({ appointmentId, book: true }))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r): r is PromiseRejectedResult => r.status === "rejected")!;
    expect(lost.reason).toMatchObject({ code: "CONFLICT", message: "This entry is already booked." });
    const made = await t.db
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, admin.clinicId),
          eq(appointments.clientId, entry.clientId),
          eq(appointments.typeId, review),
        ),
      );
    expect(made).toHaveLength(1);
  });
});
