import { describe, expect, it } from "vitest";
import { planChannels } from "./channels";
import { smsNumber } from "./phone";
import { quietHoursEnd } from "./quiet-hours";

describe("planChannels", () => {
  const base = { essential: true, hasEmail: true, smsBlocked: null };
  it("follows the preference when every channel works", () => {
    expect(planChannels({ ...base, preference: "email" })).toEqual({ email: true, sms: false, emailSkipped: null });
    expect(planChannels({ ...base, preference: "sms" })).toEqual({ email: false, sms: true, emailSkipped: null });
    expect(planChannels({ ...base, preference: "both" })).toEqual({ email: true, sms: true, emailSkipped: null });
  });
  it("'none' stops reminders only; essential messages still go by email", () => {
    expect(planChannels({ ...base, preference: "none", essential: false })).toEqual({
      email: false,
      sms: false,
      emailSkipped: "client chose no reminders",
    });
    expect(planChannels({ ...base, preference: "none" })).toMatchObject({ email: true, sms: false });
  });
  it("an SMS that cannot go is recorded with why, and the message goes by email instead", () => {
    expect(planChannels({ ...base, preference: "sms", smsBlocked: "SMS not configured" })).toEqual({
      email: true,
      sms: "SMS not configured",
      emailSkipped: null,
    });
    expect(planChannels({ ...base, preference: "sms", hasEmail: false, smsBlocked: "no SMS consent" })).toEqual({
      email: false,
      sms: "no SMS consent",
      emailSkipped: "no email address",
    });
  });
});

describe("smsNumber (E.164 in the clinic's country)", () => {
  it("reads local numbers as the clinic's country", () => {
    expect(smsNumber("07400 123456", "en-GB")).toBe("+447400123456");
    expect(smsNumber("0412 345 678", "en-AU")).toBe("+61412345678");
    expect(smsNumber("(201) 555-0123", "en-US")).toBe("+12015550123");
    expect(smsNumber("+44 7400 123456", "en-US")).toBe("+447400123456");
  });
  it("refuses landlines, nonsense and empty values", () => {
    expect(smsNumber("020 7946 0018", "en-GB")).toBeNull();
    expect(smsNumber("12", "en-GB")).toBeNull();
    expect(smsNumber("call me", "en-GB")).toBeNull();
    expect(smsNumber("  ", "en-GB")).toBeNull();
    expect(smsNumber(null, "en-GB")).toBeNull();
  });
});

describe("quietHoursEnd (clinic time)", () => {
  const q = { startMinute: 20 * 60, endMinute: 8 * 60 };
  const london = "Europe/London";
  it("is null outside quiet hours and without them", () => {
    expect(quietHoursEnd(new Date("2027-05-01T12:00:00Z"), london, q)).toBeNull();
    expect(quietHoursEnd(new Date("2027-05-01T07:00:00Z"), london, q)).toBeNull(); // 08:00 BST
    expect(quietHoursEnd(new Date("2027-05-01T22:00:00Z"), london, null)).toBeNull();
  });
  it("ends the next morning from the evening, the same morning after midnight", () => {
    expect(quietHoursEnd(new Date("2027-05-01T19:00:00Z"), london, q)?.toISOString()).toBe("2027-05-02T07:00:00.000Z");
    expect(quietHoursEnd(new Date("2027-05-01T23:30:00Z"), london, q)?.toISOString()).toBe("2027-05-02T07:00:00.000Z");
  });
  it("follows the clock change: the night British Summer Time ends, 08:00 is 08:00 GMT", () => {
    // 31 Oct 2027, 21:00 BST (20:00Z) → 08:00 GMT on 1 Nov... the clocks went back at 02:00 on 31 Oct.
    expect(quietHoursEnd(new Date("2027-10-30T20:00:00Z"), london, q)?.toISOString()).toBe("2027-10-31T08:00:00.000Z");
  });
  it("handles quiet hours within one day (12:00–14:00) in another zone", () => {
    const lunch = { startMinute: 12 * 60, endMinute: 14 * 60 };
    expect(quietHoursEnd(new Date("2027-01-15T17:30:00Z"), "America/New_York", lunch)?.toISOString()).toBe(
      "2027-01-15T19:00:00.000Z",
    );
    expect(quietHoursEnd(new Date("2027-01-15T19:00:00Z"), "America/New_York", lunch)).toBeNull();
  });
});
