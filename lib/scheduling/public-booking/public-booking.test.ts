import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq, sql } from "drizzle-orm";
import {
  appointments,
  appointmentTypes,
  bookingHolds,
  clients,
  clinics,
  emailOutbox,
  invitations,
  therapistHours,
} from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import type { AppError } from "@/lib/errors";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { HOLD_MESSAGES, holdSlot } from "./hold-slot";
import { confirmHold, getConfirmation } from "./confirm-hold";
import { decideBookingRequest } from "./decide-booking-request";
import { listBookingRequests } from "./list-booking-requests";
import { getPublicBookingOptions, listPublicSlots } from "./public-options";
import type { HoldInput } from "./schemas";

// Dates are on the 2038 calendar: the same weekdays and daylight-saving changes as 2027, and still ahead of the
// real clock for years (booking refuses the past; holds and reminders compare with the database's own now()).

let t: TestDb;
let admin: Actor;
let taraId: string;
let typeId: string;
let privateTypeId: string;
const SLUG = "demo-clinic";
// Monday 1 March 2038, 08:00 in London: the tests' "now". Tara works 09:00–13:00 on weekdays.
const NOW = new Date("2038-03-01T08:00:00Z");
const TUESDAY_10 = "2038-03-02T10:00:00.000Z";
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
let n = 0;
const visitor = (over: Partial<HoldInput> = {}): HoldInput => ({
  typeId,
  therapistId: taraId,
  startsAt: TUESDAY_10,
  firstName: "Sam",
  lastName: "Newcomer",
  email: `sam${++n}@example.test`,
  phone: "+44 7700 900123",
  dateOfBirth: "1990-04-02",
  reason: "Stiff neck after long drives",
  ...over,
});
const ctx = { baseUrl: "http://knotwork.test", address: null, now: NOW };
const hold = (over: Partial<HoldInput> = {}) => holdSlot(t.db, SLUG, visitor(over), ctx);

/** The token of the last confirmation link mailed to an address. */
async function tokenFor(email: string): Promise<string> {
  const [mail] = await t.db
    .select({ text: emailOutbox.bodyText })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, "public_booking.confirm")))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return /\/book\/confirm\/([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
}

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  taraId = (await actorFor(t.db, "therapist@demo.test")).userId;
  const [open, closed] = await t.db
    .insert(appointmentTypes)
    .values([
      { clinicId: admin.clinicId, name: "First visit", durationMin: 60, bookableByNewClients: true, needsRoom: false },
      { clinicId: admin.clinicId, name: "Follow-up only", durationMin: 30, needsRoom: false },
    ])
    .returning({ id: appointmentTypes.id });
  typeId = open!.id;
  privateTypeId = closed!.id;
  await t.db.delete(therapistHours).where(eq(therapistHours.clinicId, admin.clinicId));
  await t.db.insert(therapistHours).values({
    clinicId: admin.clinicId,
    therapistUserId: taraId,
    blocks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: "09:00", end: "13:00" })),
  });
  await t.db
    .update(clinics)
    .set({ publicBooking: true, publicLeadHours: 24, publicHorizonDays: 14 })
    .where(eq(clinics.id, admin.clinicId));
});
afterAll(() => t.close());

describe("the public page's offer", () => {
  it("lists only the types new clients may book, and nothing for a clinic without the page", async () => {
    const options = await getPublicBookingOptions(t.db, SLUG);
    expect(options.types.map((x) => x.name)).toEqual(["First visit"]);
    expect((await failure(getPublicBookingOptions(t.db, "other-clinic")))?.code).toBe("NOT_FOUND");
    expect((await failure(listPublicSlots(t.db, SLUG, { typeId: privateTypeId }, NOW)))?.code).toBe("NOT_FOUND");
  });

  it("offers times after the lead time only", async () => {
    const slots = await listPublicSlots(t.db, SLUG, { typeId }, NOW);
    // 24 hours' lead from Monday 08:00: Monday is gone, Tuesday from 09:00 on.
    expect(slots.days[0]!.date).toBe("2038-03-02");
    expect(slots.days[0]!.slots[0]!.start).toBe("2038-03-02T09:00:00.000Z");
  });
});

describe("holds", () => {
  it("of 20 simultaneous holds on one slot, exactly one is made", async () => {
    const startsAt = "2038-03-03T11:00:00.000Z";
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => hold({ startsAt })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect(((r as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    const rows = await t.db
      .select({ id: bookingHolds.id })
      .from(bookingHolds)
      .where(eq(bookingHolds.startsAt, new Date(startsAt)));
    expect(rows).toHaveLength(1);
    const slots = await listPublicSlots(t.db, SLUG, { typeId }, NOW);
    expect(slots.days.flatMap((d) => d.slots).some((s) => s.start === startsAt)).toBe(false);
  });

  it("blocks staff from booking over a live hold, and frees the slot when it expires", async () => {
    const startsAt = "2038-03-04T09:00:00.000Z";
    await hold({ startsAt });
    const staff = await actorFor(t.db, "therapist@demo.test");
    const [someone] = await t.db
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.clinicId, admin.clinicId))
      .limit(1);
    const body = { clientId: someone!.id, therapistUserId: taraId, typeId, startsAt, roomId: null };
    const refused = await failure(bookAppointment(t.db, staff, body));
    expect(refused?.code).toBe("CONFLICT");
    expect(refused?.message).toMatch(/held for someone booking online/);
    // Time passes: the hold is past its expiry (the database compares with now()).
    await t.db
      .update(bookingHolds)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(bookingHolds.startsAt, new Date(startsAt)));
    const again = await hold({ startsAt });
    expect(again.message).toBe(HOLD_MESSAGES.sent(10));
  });

  it("answers a honeypot hit like any other and holds nothing", async () => {
    const startsAt = "2038-03-04T12:00:00.000Z";
    const answer = await hold({ startsAt, website: "http://spam.example" });
    expect(answer.message).toBe(HOLD_MESSAGES.sent(10));
    expect(
      await t.db
        .select()
        .from(bookingHolds)
        .where(eq(bookingHolds.startsAt, new Date(startsAt))),
    ).toHaveLength(0);
  });

  it("allows one live hold per address", async () => {
    const email = "one-at-a-time@example.test";
    await hold({ email, startsAt: "2038-03-05T09:00:00.000Z" });
    const err = await failure(hold({ email, startsAt: "2038-03-05T10:00:00.000Z" }));
    expect(err?.message).toBe(HOLD_MESSAGES.tooManyHolds);
  });

  it("rate-limits one network address", async () => {
    const address = "203.0.113.9";
    const errors = [];
    for (let i = 0; i < 12; i++)
      errors.push(await failure(holdSlot(t.db, SLUG, visitor({ website: "x" }), { ...ctx, address })));
    expect(errors.filter((e) => e?.code === "RATE_LIMITED")).toHaveLength(2);
  });
});

describe("confirmation", () => {
  it("books a new client once, marks them new and invites them, however often the link is used", async () => {
    const email = "brand-new@example.test";
    const startsAt = "2038-03-08T09:00:00.000Z";
    await hold({ email, startsAt });
    const token = await tokenFor(email);
    expect((await getConfirmation(t.db, token, NOW)).state).toBe("held");
    const outcomes = await Promise.all([1, 2, 3].map(() => confirmHold(t.db, token, ctx.baseUrl, NOW)));
    expect(outcomes.map((o) => o.state)).toEqual(["confirmed", "confirmed", "confirmed"]);
    const booked = await t.db
      .select()
      .from(appointments)
      .where(eq(appointments.startsAt, new Date(startsAt)));
    expect(booked).toHaveLength(1);
    expect(booked[0]!.bookedVia).toBe("public");
    const [client] = await t.db.select().from(clients).where(eq(clients.id, booked[0]!.clientId));
    expect(client!.selfBookedAt).not.toBeNull();
    expect(client!.email).toBe(email);
    expect(await t.db.select().from(invitations).where(eq(invitations.clientId, client!.id))).toHaveLength(1);
  });

  it("books an existing client's record when the address is theirs, without a new record or invitation", async () => {
    const before = await t.db.select({ id: clients.id }).from(clients).where(eq(clients.clinicId, admin.clinicId));
    const startsAt = "2038-03-08T11:00:00.000Z";
    await hold({ email: "client@demo.test", startsAt, firstName: "Someone", lastName: "Else" });
    await confirmHold(t.db, await tokenFor("client@demo.test"), ctx.baseUrl, NOW);
    const after = await t.db.select({ id: clients.id }).from(clients).where(eq(clients.clinicId, admin.clinicId));
    expect(after.length).toBe(before.length);
    const [appt] = await t.db
      .select()
      .from(appointments)
      .where(eq(appointments.startsAt, new Date(startsAt)));
    const [owner] = await t.db.select().from(clients).where(eq(clients.id, appt!.clientId));
    expect(owner!.firstName).not.toBe("Someone");
  });

  it("refuses an expired hold and an unknown link", async () => {
    const email = "too-late@example.test";
    await hold({ email, startsAt: "2038-03-09T09:00:00.000Z" });
    const token = await tokenFor(email);
    const later = new Date(NOW.getTime() + 11 * 60_000);
    expect((await failure(confirmHold(t.db, token, ctx.baseUrl, later)))?.code).toBe("CONFLICT");
    expect((await getConfirmation(t.db, token, later)).state).toBe("expired");
    expect((await failure(getConfirmation(t.db, "x".repeat(43))))?.code).toBe("NOT_FOUND");
  });

  it("leaves the request awaiting the clinic when a therapist must accept it", async () => {
    await t.db.update(clinics).set({ publicRequiresApproval: true }).where(eq(clinics.id, admin.clinicId));
    try {
      const email = "please-accept@example.test";
      const startsAt = "2038-03-09T11:00:00.000Z";
      await hold({ email, startsAt });
      const result = await confirmHold(t.db, await tokenFor(email), ctx.baseUrl, NOW);
      expect(result.state).toBe("awaiting_clinic");
      expect(
        await t.db
          .select()
          .from(appointments)
          .where(eq(appointments.startsAt, new Date(startsAt))),
      ).toHaveLength(0);
      // Still blocks the slot although its hold time has passed.
      await t.db
        .update(bookingHolds)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(eq(bookingHolds.email, email));
      expect((await failure(hold({ startsAt })))?.code).toBe("CONFLICT");
    } finally {
      await t.db.update(clinics).set({ publicRequiresApproval: false }).where(eq(clinics.id, admin.clinicId));
    }
  });
});

describe("requests a therapist accepts", () => {
  it("lists the request, books it once on acceptance, and frees the slot on a decline", async () => {
    await t.db.update(clinics).set({ publicRequiresApproval: true }).where(eq(clinics.id, admin.clinicId));
    const therapist = await actorFor(t.db, "therapist@demo.test");
    try {
      const emails = ["accept-me@example.test", "decline-me@example.test"];
      const times = ["2038-03-10T09:00:00.000Z", "2038-03-10T11:00:00.000Z"];
      for (const [i, email] of emails.entries()) {
        await hold({ email, startsAt: times[i] });
        await confirmHold(t.db, await tokenFor(email), ctx.baseUrl, NOW);
      }
      const listed = await listBookingRequests(t.db, therapist);
      const [accept, decline] = emails.map((e) => listed.find((r) => r.email === e)!);
      expect(accept!.reason).toBe("Stiff neck after long drives");
      // An admin schedules but is not a clinician: the reason stays hidden.
      expect((await listBookingRequests(t.db, admin)).find((r) => r.email === emails[0])!.reason).toBe("");
      const outcomes = await Promise.allSettled([
        decideBookingRequest(t.db, therapist, accept!.id, { accept: true }, ctx.baseUrl),
        decideBookingRequest(t.db, admin, accept!.id, { accept: true }, ctx.baseUrl),
      ]);
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      expect(
        await t.db
          .select()
          .from(appointments)
          .where(eq(appointments.startsAt, new Date(times[0]!))),
      ).toHaveLength(1);
      await decideBookingRequest(t.db, therapist, decline!.id, { accept: false }, ctx.baseUrl);
      await t.db.update(clinics).set({ publicRequiresApproval: false }).where(eq(clinics.id, admin.clinicId));
      expect((await hold({ startsAt: times[1] })).expiresAt).toBeTruthy();
      const other = await actorFor(t.db, "admin@other.test", "other-clinic");
      expect((await failure(decideBookingRequest(t.db, other, accept!.id, { accept: false }, ctx.baseUrl)))?.code).toBe(
        "NOT_FOUND",
      );
    } finally {
      await t.db.update(clinics).set({ publicRequiresApproval: false }).where(eq(clinics.id, admin.clinicId));
    }
  });
});
