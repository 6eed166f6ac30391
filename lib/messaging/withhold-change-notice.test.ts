import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { appointmentTypes, auditEvents, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { moveAppointment } from "@/lib/scheduling/appointments/move-appointment";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { withholdChangeNotice } from "./withhold-change-notice";

let t: TestDb;
let admin: Actor;
let tara: Actor;
let theo: Actor;
let other: Actor;
let typeId: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  tara = await actorFor(t.db, "therapist@demo.test");
  theo = await actorFor(t.db, "therapist2@demo.test");
  other = await actorFor(t.db, "admin@other.test", "other-clinic");
  [{ id: typeId }] = (await t.db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Follow-up treatment", durationMin: 45, needsRoom: false })
    .returning({ id: appointmentTypes.id })) as [{ id: string }];
});
afterAll(() => t.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => e as AppError,
  );

/** Books Tara's appointment and moves it an hour later, as a drag does: the change notice now waits. */
async function movedAppointment(startsAt: string) {
  const { appointment } = await bookAppointment(t.db, admin, {
    clientId: await clientIdByName(t.db, "Casey", "Client"),
    therapistUserId: tara.userId,
    typeId,
    roomId: null,
    startsAt,
  });
  const later = new Date(new Date(startsAt).getTime() + 3_600_000).toISOString();
  await moveAppointment(t.db, admin, appointment.id, {
    version: 1,
    startsAt: later,
    allowOutsideHours: true,
  });
  return appointment.id;
}
const waiting = (id: string) =>
  t.db
    .select({ status: jobs.status })
    .from(jobs)
    .where(and(eq(jobs.dedupeKey, `${id}:changed`), eq(jobs.status, "queued")));

describe("don't tell the client about a change", () => {
  it("withdraws the waiting change message once, audited; a second ask finds nothing to withhold", async () => {
    const id = await movedAppointment("2027-05-03T09:00:00Z");
    expect(await waiting(id)).toHaveLength(1);
    expect(await withholdChangeNotice(t.db, tara, id)).toEqual({ withheld: true });
    expect(await waiting(id)).toHaveLength(0);
    const [event] = await t.db
      .select({ actorUserId: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "appointment.change_notice_withheld")));
    expect(event?.actorUserId).toBe(tara.userId);
    expect(await withholdChangeNotice(t.db, admin, id)).toEqual({ withheld: false });
  });

  it("leaves a message that is already being sent alone", async () => {
    const id = await movedAppointment("2027-05-04T09:00:00Z");
    await t.db
      .update(jobs)
      .set({ status: "running" })
      .where(eq(jobs.dedupeKey, `${id}:changed`));
    expect(await withholdChangeNotice(t.db, admin, id)).toEqual({ withheld: false });
    expect(
      await t.db
        .select()
        .from(jobs)
        .where(eq(jobs.dedupeKey, `${id}:changed`)),
    ).toHaveLength(1);
  });

  it("is refused for a colleague's diary (403) and for another clinic (404), withdrawing nothing", async () => {
    const id = await movedAppointment("2027-05-05T09:00:00Z");
    expect((await failure(withholdChangeNotice(t.db, theo, id)))?.code).toBe("FORBIDDEN");
    expect((await failure(withholdChangeNotice(t.db, other, id)))?.code).toBe("NOT_FOUND");
    expect(await waiting(id)).toHaveLength(1);
  });
});
