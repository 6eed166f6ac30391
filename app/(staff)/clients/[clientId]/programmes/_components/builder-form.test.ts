import { describe, expect, it } from "vitest";
import { builderSchema, flatErrors, type BuilderValues } from "./builder-form";

const empty: BuilderValues = { title: "", startDate: "2026-03-01", endDate: "", notes: "", changeNote: "", items: [] };

describe("the programme builder's form schema", () => {
  it("checks the values as the request they become, with the request's paths", () => {
    const r = builderSchema(new Map(), null).safeParse(empty);
    const byPath = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({ title: "Give the programme a title.", items: "Add at least one exercise." });
  });

  it("a revision carries the version it started from and the change note", () => {
    const r = builderSchema(new Map(), 3).safeParse({ ...empty, title: "Neck", changeNote: "x".repeat(501) });
    const byPath = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(byPath.changeNote).toBe("Keep the change note under 500 characters.");
  });

  it("flattens nested form errors to the dotted keys the item editors read", () => {
    const errors = {
      title: { type: "custom", message: "Give the programme a title.", ref: { focus() {} } },
      items: {
        root: { type: "custom", message: "A programme can hold at most 15 exercises." },
        0: { dosage: { sets: { type: "too_big", message: "At most 5 sets." } } },
      },
    };
    expect(flatErrors(errors)).toEqual({
      title: ["Give the programme a title."],
      items: ["A programme can hold at most 15 exercises."],
      "items.0.dosage.sets": ["At most 5 sets."],
    });
  });
});
