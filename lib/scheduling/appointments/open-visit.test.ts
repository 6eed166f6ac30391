import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { visits } from "@/db/schema";
import { cancelAppointment } from "./cancel-appointment";
import { calendarFixture, failure } from "./calendar-test-fixture";
import { getAppointment } from "./get-appointment";
import { moveAppointment } from "./move-appointment";
import { openVisitFromAppointment } from "./open-visit";

const f = calendarFixture();
const { book } = f;

describe("opening a visit from an appointment", () => {
  it("creates and links the visit once, marks the client arrived, and returns the same visit after", async () => {
    const a = await book("2027-04-19T09:00:00Z");
    const [first, second] = await Promise.all([
      openVisitFromAppointment(f.db, f.tara, a.id),
      openVisitFromAppointment(f.db, f.tara, a.id),
    ]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(second.visitId).toBe(first.visitId);
    const view = await getAppointment(f.db, f.admin, a.id);
    expect(view).toMatchObject({ visitId: first.visitId, status: "arrived" });
    const [visit] = await f.db
      .select()
      .from(visits)
      .where(and(eq(visits.clinicId, f.admin.clinicId), eq(visits.id, first.visitId)));
    expect(visit).toMatchObject({
      clientId: f.priya,
      therapistUserId: f.tara.userId,
      startedAt: new Date("2027-04-19T09:00:00Z"),
    });
  });

  it("is a therapist's step: the front desk gets 403, and a cancelled appointment has no visit", async () => {
    const a = await book("2027-04-20T09:00:00Z");
    expect((await failure(openVisitFromAppointment(f.db, f.admin, a.id)))?.code).toBe("FORBIDDEN");
    await cancelAppointment(f.db, f.admin, a.id, { reason: "Client away", cancelledBy: "client", version: 1 });
    expect((await failure(openVisitFromAppointment(f.db, f.tara, a.id)))?.code).toBe("CONFLICT");
  });

  it("is refused from a colleague's appointment until it is moved to the therapist", async () => {
    const a = await book("2027-04-23T09:00:00Z");
    const err = await failure(openVisitFromAppointment(f.db, f.theo, a.id));
    expect(err).toMatchObject({
      code: "FORBIDDEN",
      message:
        "You can open visits only from your own appointments. Move the appointment to you first (drag it to your column in the calendar).",
    });
    expect(await getAppointment(f.db, f.admin, a.id)).toMatchObject({ visitId: null, status: "booked", version: 1 });
    await moveAppointment(f.db, f.admin, a.id, { version: 1, therapistUserId: f.theo.userId, allowOutsideHours: true });
    expect((await openVisitFromAppointment(f.db, f.theo, a.id)).created).toBe(true);
  });
});
