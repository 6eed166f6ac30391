import { describe, expect, it } from "vitest";
import data from "@/db/seed/reference/domain-data.json";
import { instrumentSchema, type InstrumentDefinition } from "./instrument-schema";
import {
  EARS,
  GROC,
  INSTRUMENTS,
  NDI,
  NDI_SECTIONS,
  NPRS,
  ODI,
  ODI_SECTIONS,
  PGIC,
  PSFS,
  getInstrument,
} from "./instruments";

const refOf = (id: string) => {
  const m = data.outcome_measures.find((x) => x.id === id);
  if (!m) throw new Error(id);
  return m;
};

describe("shipped instrument definitions", () => {
  it.each(Object.values(INSTRUMENTS).map((d) => [d.id, d] as const))("%s validates against the schema", (_id, def) => {
    expect(instrumentSchema.safeParse(def).success).toBe(true);
  });

  it("ships the seven instruments the issue asks for", () => {
    expect(Object.keys(INSTRUMENTS).sort()).toEqual(["ears", "groc", "ndi", "nprs", "odi", "pgic", "psfs"]);
    expect(getInstrument("odi")).toBe(ODI);
    expect(getInstrument("vas_pain")).toBeUndefined();
  });

  it.each(Object.values(INSTRUMENTS).map((d) => [d.id, d] as const))(
    "%s takes name, range, direction and MCID text from the reference",
    (id, def) => {
      const ref = refOf(id);
      expect(def.name).toBe(ref.name);
      expect(def.range).toEqual({ min: ref.range.min, max: ref.range.max });
      expect(def.direction === "higher_is_worse").toBe(ref.range.higher_is_worse);
      expect(def.mcid.text).toBe(ref.mcid.text);
      expect(def.referenceVersion).toBe(data.meta.version);
    },
  );

  it("carries the reference MCID and MDC numbers (v2)", () => {
    expect(NPRS.mcid).toMatchObject({ basis: "change", absolute: 2, relativePercent: 30, mdc: 2 });
    expect(ODI.mcid).toMatchObject({ basis: "change", absolute: 10, relativePercent: 30, mdc: 10 });
    // Young 2009: MCID 7.5 lies inside the MDC 10.2, so the authors (and the app default) use 10.
    expect(NDI.mcid).toMatchObject({ basis: "change", absolute: 7.5, mdc: 10.2, threshold: { points: 10 } });
    // PSFS: 1.3 is the MCID; v1's 2 was the MDC.
    expect(PSFS.mcid).toMatchObject({ basis: "change", absolute: 1.3, mdc: 2 });
    expect(PSFS.mcid).not.toHaveProperty("threshold");
    expect(GROC.mcid).toMatchObject({ basis: "rating", threshold: 3 });
    expect(PGIC.mcid).toMatchObject({ basis: "rating", threshold: 2 });
    expect(EARS.mcid.basis).toBe("none");
  });

  it("NDI and ODI keep the reference section titles but no item wording", () => {
    for (const [def, titles, id] of [
      [NDI, NDI_SECTIONS, "ndi"],
      [ODI, ODI_SECTIONS, "odi"],
    ] as const) {
      expect(def.items.map((i) => i.title)).toEqual([...titles]);
      for (const title of titles) expect(refOf(id).notes.toLowerCase()).toContain(title.toLowerCase());
      for (const item of def.items) {
        expect(item.prompt).toBeNull();
        expect(item.promptSource).toBe("clinic");
        expect(item.answer).toMatchObject({ kind: "options" });
        if (item.answer.kind === "options") {
          expect(item.answer.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5]);
          expect(item.answer.options.every((o) => o.label === null)).toBe(true);
        }
      }
      expect(def.licence.status).toBe("licensed");
    }
  });

  it("NDI scores on 0-50 and ODI on 0-100, both pro-rated over answered sections, at most 1 skipped by default", () => {
    expect(NDI.scoring).toMatchObject({
      type: "scaled_sum",
      scaleMax: 50,
      proRating: { method: "answered_items", maxSkipped: 1 },
    });
    expect(ODI.scoring).toMatchObject({
      type: "scaled_sum",
      scaleMax: 100,
      proRating: { method: "answered_items", maxSkipped: 1 },
    });
  });

  it("GROC labels all 15 answers and PGIC all 7, from the reference", () => {
    const grocOptions = GROC.items[0]?.answer.kind === "options" ? GROC.items[0].answer.options : [];
    expect(grocOptions.map((o) => o.value)).toEqual([-7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7]);
    expect(grocOptions.every((o) => o.label)).toBe(true);
    expect(grocOptions[0]?.label).toBe("A very great deal worse");
    expect(grocOptions[10]?.label).toBe("Somewhat better");
    const pgicOptions = PGIC.items[0]?.answer.kind === "options" ? PGIC.items[0].answer.options : [];
    expect(pgicOptions.map((o) => o.label)).toEqual([
      "Very much improved",
      "Much improved",
      "Minimally improved",
      "No change",
      "Minimally worse",
      "Much worse",
      "Very much worse",
    ]);
    // Which version and which way it runs are on screen: the Hurst & Bolton version is reversed.
    expect(PGIC.versionNote).toMatch(/1 = very much improved … 4 = no change … 7 = very much worse/);
  });

  it("EARS ships no statement wording, only verified instructions, end labels and reverse scoring", () => {
    const refEars = refOf("ears") as unknown as {
      instructions_text: string;
      items: { number: number; wording: string; wording_verified: boolean }[];
    };
    expect(EARS.instructions).toBe(refEars.instructions_text);
    for (const item of EARS.items) {
      expect(item.prompt).toBeNull();
      expect(item.promptSource).toBe("clinic");
      const labels = item.answer.kind === "options" ? item.answer.options.map((o) => o.label) : [];
      // Middle labels are unverified in the reference, so the clinic supplies them.
      expect(labels).toEqual(["Completely agree", null, null, null, "Completely disagree"]);
    }
    const reversed = EARS.items
      .filter((i) => i.answer.kind === "options" && i.answer.options[0]?.score === 4)
      .map((i) => i.id);
    expect(reversed).toEqual(refEars.items.filter((i) => i.wording === "positive").map((i) => `statement_${i.number}`));
    expect(reversed).toEqual(["statement_1", "statement_4", "statement_6"]);
  });

  it("PSFS rates 3 to 5 patient-named activities 0-10 and scores their mean", () => {
    expect(PSFS.items).toHaveLength(5);
    expect(PSFS.items.every((i) => i.promptSource === "patient")).toBe(true);
    expect(PSFS.scoring).toEqual({ type: "mean", minAnswered: 3 });
  });

  it("EARS is six 0-4 statements summed to 0-24, higher is better", () => {
    expect(EARS.items).toHaveLength(6);
    expect(EARS.scoring.type).toBe("sum");
    expect(EARS.direction).toBe("higher_is_better");
  });
});

describe("instrumentSchema refuses broken definitions", () => {
  const broken = (patch: Partial<InstrumentDefinition>) => instrumentSchema.safeParse({ ...NPRS, ...patch });

  it("a declared range the rule cannot produce", () => {
    const result = broken({ range: { min: 0, max: 9 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/does not match the rule's 0–10/);
  });

  it("bands out of order or not reaching the top", () => {
    expect(
      broken({
        bands: [
          { max: 6, label: "a" },
          { max: 3, label: "b" },
        ],
      }).success,
    ).toBe(false);
    expect(broken({ bands: [{ max: 6, label: "a" }] }).success).toBe(false);
  });

  it("a change MCID with neither threshold", () => {
    expect(broken({ mcid: { basis: "change", text: "x" } }).success).toBe(false);
  });

  it("a prompt on clinic-supplied wording, or duplicate item ids", () => {
    const item = NDI.items[0]!;
    expect(
      instrumentSchema.safeParse({ ...NDI, items: [{ ...item, prompt: "licensed text" }, ...NDI.items.slice(1)] })
        .success,
    ).toBe(false);
    expect(instrumentSchema.safeParse({ ...NDI, items: [item, ...NDI.items.slice(0, 9)] }).success).toBe(false);
  });

  it("a pro-rating limit that would allow skipping every item", () => {
    const scoring = {
      type: "scaled_sum" as const,
      scaleMax: 50,
      proRating: { maxSkipped: 10, method: "answered_items" as const, note: "x" },
    };
    expect(instrumentSchema.safeParse({ ...NDI, scoring }).success).toBe(false);
  });
});
