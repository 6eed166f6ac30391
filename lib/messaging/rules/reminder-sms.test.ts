import { describe, expect, it } from "vitest";
import { gsmLength, segments } from "@/lib/delivery/rules/sms-text";
import { reminderSms } from "./reminder-sms";

describe("reminder SMS", () => {
  const facts = {
    clinicName: "Demo Clinic",
    typeName: "Follow-up",
    therapistName: "Tara Therapist",
    startsAt: new Date("2027-04-06T13:00:00Z"),
    locale: "en-GB" as const,
    timeZone: "Europe/London",
  };
  it("fits one GSM segment with a short link, in the clinic's locale and zone", () => {
    const text = reminderSms(facts, "https://c.example/a/x");
    expect(text).toBe(
      "Reminder: Follow-up with Tara Therapist at Demo Clinic, Tue 6 Apr, 14:00. https://c.example/a/x",
    );
    expect(gsmLength(text)!).toBeLessThanOrEqual(160);
    expect(reminderSms({ ...facts, locale: "en-US", timeZone: "America/New_York" }, null)).toBe(
      "Reminder: Follow-up with Tara Therapist at Demo Clinic, Tue, Apr 6, 9:00 AM.",
    );
  });
  it("drops words to keep one segment, never the link; keeps every word when no wording saves a segment", () => {
    const link = `https://clinic.example/appointment/${"x".repeat(50)}`;
    const text = reminderSms({ ...facts, clinicName: "St Mary’s Clinic – Leeds" }, link);
    expect(text).toBe(`Reminder: Follow-up at St Mary's Clinic - Leeds, Tue 6 Apr, 14:00. ${link}`);
    expect(gsmLength(text)!).toBeLessThanOrEqual(160);
    // A signed link of ~150 characters: two segments whatever the wording, so all of it stays.
    const long = `https://clinic.example/appointment/${"x".repeat(150)}`;
    expect(reminderSms(facts, long)).toBe(
      `Reminder: Follow-up with Tara Therapist at Demo Clinic, Tue 6 Apr, 14:00. ${long}`,
    );
    expect(segments(reminderSms(facts, long))).toBe(2);
    expect(gsmLength("Café ~ ok")).toBe(10);
    expect(gsmLength("emoji 🙂")).toBeNull();
  });
});
