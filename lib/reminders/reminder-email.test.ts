import { describe, expect, it } from "vitest";
import { reminderEmail, type ReminderFacts } from "./reminder-email";

const facts: ReminderFacts = {
  clinicName: "Harbour Clinic",
  timeZone: "America/New_York",
  locale: "en-US",
  clientName: "Casey",
  startsAt: new Date("2027-04-06T18:00:00Z"),
  endsAt: new Date("2027-04-06T18:45:00Z"),
  therapistName: "Tara Therapist",
  typeName: "Follow-up",
  roomName: null,
  cancellationNoticeHours: 24,
  hasPortal: false,
  portalUrl: "https://clinic.example/portal",
};
const plain = (s: string) => s.replace(/[\u202f\u2009\u00a0]/g, " ");

describe("reminder email dates", () => {
  it("writes the clinic's locale and clocks: month first and 12-hour for an en-US clinic", () => {
    const mail = reminderEmail(facts);
    expect(plain(mail.subject)).toBe(
      "Reminder: your appointment at Harbour Clinic on Tuesday, April 6, 2027 at 2:00 PM",
    );
    expect(plain(mail.text)).toContain("When: Tuesday, April 6, 2027 at 2:00 PM–2:45 PM (America/New_York time)");
  });

  it("writes an Australian clinic's day first with am/pm, on Sydney's clocks", () => {
    const mail = reminderEmail({ ...facts, locale: "en-AU", timeZone: "Australia/Sydney" });
    expect(plain(mail.text)).toContain("When: Wednesday, 7 April 2027 at 4:00 am–4:45 am (Australia/Sydney time)");
  });
});
