import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointmentTypes, messageLinks } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { createShortManageUrl, resolveShortLink } from "./short-link";
import { pruneExpiredLinksJob } from "./short-link-prune";

const BASE = "https://clinic.example";
let t: TestDb;
let admin: Actor;
let appointmentId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  const [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
  const day = new Date(Date.now() + 2 * 86_400_000);
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId: await clientIdByName(t.db, "Casey", "Client"),
    therapistUserId: (await actorFor(t.db, "therapist@demo.test")).userId,
    typeId,
    roomId: null,
    startsAt: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10)).toISOString(),
  });
  appointmentId = appointment.id;
});
afterAll(() => t?.close());

const tokenOf = (url: string) => url.split("/m/")[1]!;
const ctx = { jobId: "test", attempt: 1, maxAttempts: 3, clinicId: null, signal: new AbortController().signal };

describe("pruning expired short links", () => {
  it("deletes the links whose appointment has started and keeps the live ones working", async () => {
    const hour = 3_600_000;
    const link = (expiresAt: Date) =>
      createShortManageUrl(t.db, BASE, { clinicId: admin.clinicId, appointmentId, expiresAt }).then(tokenOf);
    const expired = [await link(new Date(Date.now() - hour)), await link(new Date(Date.now() - 30 * 24 * hour))];
    const live = [await link(new Date(Date.now() + 24 * hour)), await link(new Date(Date.now() + 2 * 24 * hour))];
    const before = (await t.db.select().from(messageLinks)).length;

    expect(await pruneExpiredLinksJob.run(t.db, {}, ctx)).toBe("2 expired short links deleted");

    const left = await t.db.select({ expiresAt: messageLinks.expiresAt }).from(messageLinks);
    expect(left).toHaveLength(before - 2);
    expect(left.every((r) => r.expiresAt.getTime() > Date.now())).toBe(true);
    for (const token of live) expect(await resolveShortLink(t.db, token)).not.toBeNull();
    // Gone, not merely expired: not even a clock set back finds them.
    for (const token of expired) expect(await resolveShortLink(t.db, token, new Date(0))).toBeNull();

    // Nothing left to do: a second run deletes nothing.
    expect(await pruneExpiredLinksJob.run(t.db, {}, ctx)).toBe("0 expired short links deleted");
  });
});
