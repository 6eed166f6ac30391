import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { appointments, appointmentTypes, calendarFeeds, rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { hashToken } from "@/lib/identity/tokens";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { myAppointmentIcs } from "@/lib/scheduling/portal-booking/my-appointment-ics";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { checkIcs, eventsOf } from "@/lib/testing/ics-check";
import { GET as feedRoute } from "@/app/api/calendar-feeds/[token]/feed.ics/route";
import { createCalendarFeed } from "./create-calendar-feed";
import { getCalendarFeed } from "./get-calendar-feed";
import { revokeCalendarFeed } from "./revoke-calendar-feed";
import { renderTherapistFeed } from "./feed";
import { buildIcs } from "./ics";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let theo: Actor;
let typeId: string;
let roomId: string;
const ids: Record<string, string> = {};

const NOW = new Date("2027-03-10T08:00:00Z");
const DAY = 86_400_000;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );
const tokenOf = (url: string) => /calendar-feeds\/([^/]+)\/feed\.ics$/.exec(url)![1]!;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  theo = await actorFor(t.db, "therapist2@demo.test");
  typeId = (
    await t.db
      .insert(appointmentTypes)
      .values({ clinicId: admin.clinicId, name: "Follow-up treatment", durationMin: 45 })
      .returning()
  )[0]!.id;
  roomId = (await t.db.insert(rooms).values({ clinicId: admin.clinicId, name: "Room 2" }).returning())[0]!.id;
  const book = async (key: string, client: [string, string], therapist: Actor, startsAt: Date) => {
    const { appointment } = await bookAppointment(t.db, admin, {
      clientId: await clientIdByName(t.db, ...client),
      therapistUserId: therapist.userId,
      typeId,
      roomId,
      startsAt: startsAt.toISOString(),
    });
    ids[key] = appointment.id;
  };
  // 2 April 2027 10:00 British Summer Time = 09:00Z.
  await book("casey", ["Casey", "Client"], tara, new Date("2027-04-02T09:00:00Z"));
  await book("recent", ["Priya", "Shah"], tara, new Date(NOW.getTime() - 29 * DAY));
  await book("tooOld", ["Priya", "Shah"], tara, new Date(NOW.getTime() - 31 * DAY));
  await book("tooFar", ["Priya", "Shah"], tara, new Date(NOW.getTime() + 181 * DAY));
  await book("cancelled", ["Tom", "Okafor"], tara, new Date("2027-04-03T09:00:00Z"));
  await t.db.update(appointments).set({ status: "cancelled" }).where(eq(appointments.id, ids.cancelled!));
  await book("theos", ["Maria", "Lopez"], theo, new Date("2027-04-02T11:00:00Z"));
});
afterAll(() => t.close());

describe("a therapist's calendar feed", () => {
  it("shows the token once, stores only its SHA-256, and serves the therapist's own appointments", async () => {
    expect(await getCalendarFeed(t.db, tara, tara.userId)).toMatchObject({ active: false, createdAt: null });
    const created = await createCalendarFeed(t.db, tara, tara.userId, "https://clinic.example/");
    expect(created.url).toMatch(/^https:\/\/clinic\.example\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/feed\.ics$/);
    const token = tokenOf(created.url);
    const [stored] = await t.db.select().from(calendarFeeds).where(eq(calendarFeeds.therapistUserId, tara.userId));
    expect(stored!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(await getCalendarFeed(t.db, tara, tara.userId)).toMatchObject({ active: true });

    const ics = await renderTherapistFeed(t.db, token, NOW);
    const { problems, calendar } = checkIcs(ics);
    expect(problems).toEqual([]);
    const events = eventsOf(calendar);
    expect(events.map((e) => e.get("UID")).sort()).toEqual([`${ids.casey}@knotwork`, `${ids.recent}@knotwork`].sort());
    const casey = events.find((e) => e.get("UID") === `${ids.casey}@knotwork`)!;
    expect(casey.get("SUMMARY")).toBe("Casey C. – Follow-up treatment");
    expect(casey.get("LOCATION")).toBe("Room 2");
    expect(casey.param("DTSTART", "TZID")).toBe("Europe/London");
    expect(casey.get("DTSTART")).toBe("20270402T100000");
    expect(casey.get("DTEND")).toBe("20270402T104500");
    expect(ics).not.toContain("Client");
    expect(ics).not.toContain("Lopez");
    // Stable: fetching again gives the same UIDs.
    expect(
      eventsOf(checkIcs(await renderTherapistFeed(t.db, token, NOW)).calendar)
        .map((e) => e.get("UID"))
        .sort(),
    ).toEqual(events.map((e) => e.get("UID")).sort());
  });

  it("answers over HTTP without a session, as text/calendar; an unknown or revoked token is 404", async () => {
    const { url } = await createCalendarFeed(t.db, tara, tara.userId, "https://clinic.example");
    const token = tokenOf(url);
    const call = (tok: string) =>
      feedRoute.invoke(
        new Request(`https://clinic.example/api/calendar-feeds/${tok}/feed.ics`),
        { token: tok },
        { db: t.db, session: null },
      );
    const ok = await call(token);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(checkIcs(await ok.text()).problems).toEqual([]);
    expect((await call("A".repeat(43))).status).toBe(404);
    expect((await call("not-a-token")).status).toBe(404);

    const rotated = await createCalendarFeed(t.db, tara, tara.userId, "https://clinic.example");
    expect((await call(token)).status).toBe(404);
    expect((await call(tokenOf(rotated.url))).status).toBe(200);
    expect(await revokeCalendarFeed(t.db, tara, tara.userId)).toMatchObject({ active: false });
    expect((await call(tokenOf(rotated.url))).status).toBe(404);
  });

  it("lets a therapist manage only their own feed; an admin any; another clinic none", async () => {
    expect((await failure(createCalendarFeed(t.db, theo, tara.userId, "https://x.test")))?.code).toBe("FORBIDDEN");
    expect((await failure(getCalendarFeed(t.db, theo, tara.userId)))?.code).toBe("FORBIDDEN");
    expect((await createCalendarFeed(t.db, admin, tara.userId, "https://x.test")).active).toBe(true);
    expect((await revokeCalendarFeed(t.db, admin, tara.userId)).active).toBe(false);
    const otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
    expect((await failure(createCalendarFeed(t.db, otherAdmin, tara.userId, "https://x.test")))?.code).toBe(
      "NOT_FOUND",
    );
    const client = await actorFor(t.db, "client@demo.test");
    expect((await failure(getCalendarFeed(t.db, client, tara.userId)))?.code).toBe("FORBIDDEN");
    // The admin is not a therapist: no feed of their own to make.
    expect((await failure(createCalendarFeed(t.db, admin, admin.userId, "https://x.test")))?.code).toBe("NOT_FOUND");
  });

  it("gives the client a valid .ics of their own appointment", async () => {
    const casey = await actorFor(t.db, "client@demo.test");
    const { body } = await myAppointmentIcs(t.db, casey, ids.casey!);
    const { problems, calendar } = checkIcs(body);
    expect(problems).toEqual([]);
    const [event] = eventsOf(calendar);
    expect(event!.get("SUMMARY")).toBe("Follow-up treatment at Demo Clinic");
    expect(event!.get("DTSTART")).toBe("20270402T100000");
    expect(calendar!.children.find((c) => c.name === "VTIMEZONE")!.props.get("TZID")![0]!.value).toBe("Europe/London");
  });

  it("escapes commas and semicolons in the calendar's name (RFC 5545 TEXT)", () => {
    const ics = buildIcs({ name: "Smith, Jones; Partners", timeZone: "Europe/London", events: [] });
    expect(ics).toContain("NAME:Smith\\, Jones\\; Partners");
    expect(checkIcs(ics).problems).toEqual([]);
  });

  it("has a checker that does catch broken files", () => {
    expect(checkIcs("BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n").problems).toContain(
      "a line ends with a bare LF or CR (CRLF required)",
    );
    const long = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//y//EN\r\nX-NOTE:${"a".repeat(80)}\r\nEND:VCALENDAR\r\n`;
    expect(checkIcs(long).problems).toEqual(["line 4 is 87 octets long (fold at 75)"]);
    const badZone =
      "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTAMP:20270101T000000Z\r\nDTSTART;TZID=Europe/Paris:20270101T090000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    expect(checkIcs(badZone).problems).toEqual(["DTSTART names TZID Europe/Paris with no VTIMEZONE for it"]);
  });
});
