import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { emailOutbox } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { REMINDER_KIND } from "@/lib/messaging/reminders/still-as-told";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { listClientMessages } from "./client-message-log";

let t: TestDb;
let admin: Actor;
let otherAdmin: Actor;
let casey: Actor;
let priya: string;
let tom: string;

beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
  casey = await actorFor(t.db, "client@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
});
afterAll(() => t.close());

const send = (clientId: string, kind: string, subject: string, clinicId = admin.clinicId) =>
  enqueueEmail(t.db, { clinicId, clientId, to: "priya@example.test", subject, text: "…", kind });

describe("the client's message log", () => {
  it("lists what the clinic sent this client, newest first, in the front desk's words, with the delivery status", async () => {
    const booked = await send(priya, "appointment.booked", "Your appointment on Monday 8 March is booked");
    await send(tom, "appointment.booked", "Tom's booking");
    const reminder = await send(priya, REMINDER_KIND, "Reminder: Monday 8 March at 10:00");
    await t.db.update(emailOutbox).set({ status: "sent", sentAt: new Date() }).where(eq(emailOutbox.id, booked));
    await t.db.update(emailOutbox).set({ status: "failed" }).where(eq(emailOutbox.id, reminder));

    const log = await listClientMessages(t.db, admin, priya);
    expect(log.total).toBe(2);
    expect(log.messages.map((m) => [m.label, m.status, m.subject])).toEqual([
      ["Reminder", "failed", "Reminder: Monday 8 March at 10:00"],
      ["Booking confirmation", "sent", "Your appointment on Monday 8 March is booked"],
    ]);
    expect(log.messages[1]!.sentAt).not.toBeNull();
  });

  it("pages with the exact total", async () => {
    for (let i = 0; i < 4; i++) await send(tom, "appointment.changed", `Change ${i}`);
    const log = await listClientMessages(t.db, admin, tom, 3);
    expect(log.messages.map((m) => m.subject)).toEqual(["Change 3", "Change 2", "Change 1"]);
    expect(log.total).toBe(5);
  });

  it("shows another clinic nothing of this client, and refuses a client", async () => {
    expect(await listClientMessages(t.db, otherAdmin, priya)).toEqual({ messages: [], total: 0 });
    await expect(listClientMessages(t.db, casey, priya)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
