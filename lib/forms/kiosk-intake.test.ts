import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { createClient } from "@/lib/clients/records/create-client";
import { bookAppointment } from "@/lib/scheduling/appointments/book-appointment";
import { createAppointmentType } from "@/lib/scheduling/setup/create-appointment-type";
import { copySeededForm } from "./form-templates/copy-seeded-form";
import { listClientForms } from "./form-requests/list-client-forms";
import { sendForms } from "./form-requests/send-forms";
import { getKioskForm, openKiosk, submitKioskForm } from "./kiosk";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t.close());

describe("the clinic's tablet (kiosk mode)", () => {
  it("shows only the opened form, signs it, then locks: the link stops working", async () => {
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const priya = await clientIdByName(t.db, "Priya", "Shah");
    const privacy = await copySeededForm(t.db, therapist, "privacy_notice");
    const [request] = await sendForms(t.db, therapist, priya, [privacy.id]);
    const { path } = await openKiosk(t.db, therapist, priya, request!.id);
    const token = path.split("/").pop()!;
    expect(await getKioskForm(t.db, token)).toMatchObject({ id: request!.id, title: "Privacy notice", version: 1 });
    await submitKioskForm(
      t.db,
      token,
      { answers: { contact_by_email: true }, signature: { method: "typed", name: "Priya Shah", consent: true } },
      "Clinic tablet",
    );
    await expect(getKioskForm(t.db, token)).rejects.toThrow(/no longer open on this tablet/);
    await expect(openKiosk(t.db, therapist, priya, request!.id)).rejects.toThrow(/already signed/);
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    await expect(openKiosk(t.db, other, priya, request!.id)).rejects.toThrow(/not found/);
  });
});

describe("intake forms go out with a new client's first booking", () => {
  it("sends the health history and treatment consent once, on the first appointment only", async () => {
    const admin = await actorFor(t.db, "admin@demo.test");
    const therapist = await actorFor(t.db, "therapist@demo.test");
    const client = await createClient(t.db, therapist, {
      firstName: "Nia",
      lastName: "New",
      email: "nia@example.test",
    });
    const type = await createAppointmentType(t.db, admin, {
      name: "Intake test",
      durationMin: 60,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
    });
    const book = (startsAt: string) =>
      bookAppointment(t.db, therapist, {
        clientId: client.id,
        therapistUserId: therapist.userId,
        typeId: type.id,
        startsAt,
      });
    await book("2027-03-01T10:00:00Z");
    const sent = await listClientForms(t.db, therapist, client.id);
    expect(sent.map((r) => r.title).sort()).toEqual([
      "Consent to manual trigger point therapy",
      "New client health history",
    ]);
    expect(sent.every((r) => r.status === "pending")).toBe(true);
    await book("2027-03-08T10:00:00Z");
    expect(await listClientForms(t.db, therapist, client.id)).toHaveLength(2);
  });
});
