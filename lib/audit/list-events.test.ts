import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/identity/actor";
import { getClinicSettings } from "@/lib/scheduling/setup/get-clinic-settings";
import { updateClinicSettings } from "@/lib/scheduling/setup/update-clinic-settings";
import { addLocalDays, localDateOf } from "@/lib/format/zoned";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { listAuditEvents } from "./list-events";
import { listAuditPeople } from "./people";
import { recordEvents } from "./record-event";
import { recordRead } from "./record-read";
import { listAuditQuery } from "./schemas";

let t: TestDb;
let admin: Actor;
let therapist: Actor;
let casey: string;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  therapist = await actorFor(t.db, "therapist@demo.test");
  casey = await clientIdByName(t.db, "Casey", "Client");
});
afterAll(() => t?.close());

const list = (actor: Actor, q: Record<string, unknown> = {}) => listAuditEvents(t.db, actor, listAuditQuery.parse(q));

describe("the audit page's list", () => {
  it("names people and clients and says what happened in words", async () => {
    await recordRead(t.db, therapist, { kind: "chart", clientId: casey });
    const { items } = await list(admin, { limit: 1 });
    expect(items[0]).toMatchObject({
      action: "chart.viewed",
      label: "Viewed the body chart history",
      personName: "Tara Therapist",
      clientName: "Casey Client",
    });
    await recordEvents(t.db, admin, [
      { action: "appointment.booked", entityType: "appointment", details: { clientId: casey } },
    ]);
    const booked = await list(admin, { action: "appointment.booked", limit: 1 });
    expect(booked.items[0]).toMatchObject({
      label: "Appointment booked",
      clientName: "Casey Client",
      personName: "Alex Admin",
    });
  });

  it("a settings change lists only the fields that changed", async () => {
    const current = await getClinicSettings(t.db, admin);
    const { id: _id, ...body } = current;
    await updateClinicSettings(t.db, admin, { ...body, reminderHoursBefore: current.reminderHoursBefore + 1 });
    const { items } = await list(admin, { action: "clinic.settings_updated", limit: 1 });
    expect(items[0]!.changedFields).toEqual(["reminder hours before"]);
    expect(items[0]!.label).toBe("Clinic settings changed");
  });

  it("filters by person, client, event kind and days in the clinic's time zone", async () => {
    const byTherapist = await list(admin, { personId: therapist.userId, limit: 200 });
    expect(byTherapist.items.length).toBeGreaterThan(0);
    expect(byTherapist.items.every((e) => e.personName === "Tara Therapist")).toBe(true);

    const aboutCasey = await list(admin, { clientId: casey, limit: 200 });
    expect(aboutCasey.items.length).toBeGreaterThan(0);
    expect(aboutCasey.items.every((e) => e.clientId === casey)).toBe(true);

    const kind = await list(admin, { action: "chart.viewed", clientId: casey, personId: therapist.userId });
    expect(kind.items.map((e) => e.action)).toEqual(["chart.viewed"]);

    // The seeded visits were signed over the weeks before the seed ran (its dates follow the day it runs, so no
    // fixed month here); the demo clinic is in London. Split them at the first London day after the earliest.
    const all = await list(admin, { action: "visit.signed", limit: 200 });
    const days = all.items.map((e) => localDateOf(new Date(e.at), "Europe/London")).sort();
    const split = days.find((d) => d > days[0]!)!;
    expect(split).toBeDefined();
    const before = await list(admin, {
      action: "visit.signed",
      from: days[0],
      to: addLocalDays(split, -1),
      limit: 200,
    });
    const fromSplit = await list(admin, { action: "visit.signed", from: split, to: days.at(-1), limit: 200 });
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.length + fromSplit.items.length).toBe(all.items.length);
    expect(before.items.every((e) => localDateOf(new Date(e.at), "Europe/London") < split)).toBe(true);
    expect(fromSplit.items.every((e) => localDateOf(new Date(e.at), "Europe/London") >= split)).toBe(true);
    expect(await list(admin, { from: "2199-01-01" })).toEqual({ items: [], nextCursor: null });
  });

  it("pages through everything once, even events written in one statement at the same instant", async () => {
    await recordEvents(
      t.db,
      therapist,
      Array.from({ length: 23 }, (_, i) => ({ action: "room.updated", entityType: "room", details: { i } })),
    );
    const whole = await list(admin, { action: "room.updated", limit: 200 });
    expect(whole.items).toHaveLength(23);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(admin, { action: "room.updated", limit: 5, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(seen).toEqual(whole.items.map((e) => e.id));
  });

  it("walks an index in the order it pages, for every filter", async () => {
    const plans: string[] = [];
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const filter of ["", sql`and actor_user_id = ${therapist.userId}`, sql`and client_id = ${casey}`] as const) {
        const r = await tx.execute(sql`explain select id from audit_events where clinic_id = ${admin.clinicId}
          ${filter || sql``} and (at, seq) < (now(), 9223372036854775807::bigint) order by at desc, seq desc limit 51`);
        const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, string>[];
        plans.push(rows.map((row) => Object.values(row)[0]).join("\n"));
      }
    });
    for (const plan of plans) {
      expect(plan).toMatch(/Index (Only )?Scan Backward using audit_events_clinic_\w+_idx/);
      expect(plan).not.toMatch(/Sort/);
    }
  });

  it("offers the clinic's people, not its clients, for the person filter", async () => {
    const names = (await listAuditPeople(t.db, admin)).map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["Alex Admin", "Tara Therapist"]));
    expect(names).not.toContain("Casey Client");
  });

  it("refuses a cursor it did not make", () => {
    expect(listAuditQuery.safeParse({ cursor: "1; drop table audit_events" }).success).toBe(false);
  });
});
