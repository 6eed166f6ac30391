import { describe, expect, it } from "vitest";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { clinicFormat } from "@/lib/format/clinic-format";
import { moveSummary, shortClientName } from "./move-summary";

const london = clinicFormat({ locale: "en-GB", timeZone: "Europe/London" });
const newYorkGB = clinicFormat({ locale: "en-GB", timeZone: "America/New_York" });
const newYorkUS = clinicFormat({ locale: "en-US", timeZone: "America/New_York" });

const base = {
  id: "a",
  clientName: "Casey Client",
  therapistUserId: "tara",
  therapistName: "Tara Therapist",
  startsAt: "2026-12-07T10:00:00Z",
  endsAt: "2026-12-07T11:00:00Z",
} as AppointmentView;

describe("moveSummary", () => {
  it("says where and with whom a dragged appointment went", () => {
    const after = {
      ...base,
      therapistUserId: "theo",
      therapistName: "Theo Therapist",
      startsAt: "2026-12-08T14:00:00Z",
      endsAt: "2026-12-08T15:00:00Z",
    };
    expect(moveSummary(base, after, london)).toBe("Moved Casey C. to Tue 14:00 with Theo");
    expect(moveSummary(after, base, london, true)).toBe("Moved Casey C. back to Mon 10:00 with Tara");
  });

  it("leaves out an unchanged therapist, and says the new span of a resize", () => {
    expect(moveSummary(base, { ...base, startsAt: "2026-12-07T11:30:00Z" }, london)).toBe(
      "Moved Casey C. to Mon 11:30",
    );
    expect(moveSummary(base, { ...base, endsAt: "2026-12-07T11:30:00Z" }, newYorkGB)).toBe(
      "Changed Casey C. to Mon 05:00–06:30",
    );
  });

  it("writes the clinic's clock: an en-US clinic reads 12-hour times", () => {
    const after = { ...base, startsAt: "2026-12-08T19:00:00Z", endsAt: "2026-12-08T20:00:00Z" };
    expect(moveSummary(base, after, newYorkUS)).toBe("Moved Casey C. to Tue 2:00 PM");
    expect(moveSummary(base, { ...base, endsAt: "2026-12-07T11:30:00Z" }, newYorkUS)).toBe(
      "Changed Casey C. to Mon 5:00 – 6:30 AM",
    );
  });

  it("shortens names to first name and initial", () => {
    expect(shortClientName("Casey Client")).toBe("Casey C.");
    expect(shortClientName("Ana María de la Cruz")).toBe("Ana C.");
    expect(shortClientName("Madonna")).toBe("Madonna");
  });
});
