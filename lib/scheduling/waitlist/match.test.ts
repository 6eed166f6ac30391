import { describe, expect, it } from "vitest";
import { byBestMatch, matchEntry, type EntryPreferences, type SlotToFill, type TypeInfo } from "./match";

const LONDON = "Europe/London";
// Tuesday 13 July 2027, 10:00–11:00 BST (+15 min buffer), with Tara, a 60-minute treatment.
const slot: SlotToFill = {
  start: new Date("2027-07-13T09:00:00Z"),
  end: new Date("2027-07-13T10:00:00Z"),
  blocksUntil: new Date("2027-07-13T10:15:00Z"),
  therapistId: "tara",
  therapistName: "Tara Therapist",
  typeId: "t60",
  typeName: "Treatment 60",
};
const types = new Map<string, TypeInfo>([
  ["t60", { name: "Treatment 60", durationMin: 60, bufferAfterMin: 15, offeredBy: null }],
  ["t30", { name: "Follow-up 30", durationMin: 30, bufferAfterMin: 0, offeredBy: null }],
  ["t90", { name: "Long 90", durationMin: 90, bufferAfterMin: 0, offeredBy: null }],
  ["theoOnly", { name: "Needling", durationMin: 30, bufferAfterMin: 0, offeredBy: ["theo"] }],
]);
const anything: EntryPreferences = {
  typeId: null,
  therapistUserIds: [],
  weekdays: [],
  timeFrom: null,
  timeTo: null,
  createdAt: new Date("2027-07-01"),
};
const match = (over: Partial<EntryPreferences>) => matchEntry(slot, { ...anything, ...over }, types, LONDON);

describe("matchEntry", () => {
  it("fits someone with no preferences, saying so", () => {
    expect(match({})).toEqual({ score: 0, reasons: ["Any appointment type", "Any therapist", "Any day", "Any time"] });
  });

  it("scores explicit preferences that fit and explains each", () => {
    expect(
      match({
        typeId: "t60",
        therapistUserIds: ["tara", "theo"],
        weekdays: [2, 4],
        timeFrom: "08:00",
        timeTo: "12:00",
      }),
    ).toEqual({
      score: 7,
      reasons: ["Wants Treatment 60", "Prefers Tara Therapist", "Can come on Tuesdays", "Free 08:00–12:00"],
    });
  });

  it("reads days and times on the clinic's clocks (BST here), not UTC", () => {
    expect(match({ timeFrom: "10:00", timeTo: "11:00" })?.reasons).toContain("Free 10:00–11:00");
    expect(match({ timeFrom: "09:00", timeTo: "10:30" })).toBeNull();
    expect(match({ timeTo: "11:00" })?.reasons).toContain("Free until 11:00");
    expect(match({ timeFrom: "10:30" })).toBeNull();
  });

  it("rejects anyone whose stated therapist, day or type does not fit", () => {
    expect(match({ therapistUserIds: ["theo"] })).toBeNull();
    expect(match({ weekdays: [1, 3] })).toBeNull();
    expect(match({ typeId: "t90" })).toBeNull(); // longer than the freed time
    expect(match({ typeId: "theoOnly" })).toBeNull(); // Tara does not offer it
    expect(match({ typeId: "missing" })).toBeNull();
  });

  it("lets a shorter type take the slot, ending earlier", () => {
    expect(match({ typeId: "t30", timeTo: "10:30" })).toEqual({
      score: 2,
      reasons: ["Follow-up 30 (30 min) fits the slot", "Any therapist", "Any day", "Free until 10:30"],
    });
  });

  it("orders by score, then by who has waited longest", () => {
    const rows = [
      { id: "new-exact", score: 3, createdAt: new Date("2027-07-10") },
      { id: "old-any", score: 0, createdAt: new Date("2027-05-01") },
      { id: "old-exact", score: 3, createdAt: new Date("2027-06-01") },
    ];
    expect(rows.sort(byBestMatch).map((r) => r.id)).toEqual(["old-exact", "new-exact", "old-any"]);
  });
});
