import { describe, expect, it } from "vitest";
import { findingForm, serverFieldErrors, type FindingInput } from "./finding-form";

const values = (patch: Partial<FindingInput> = {}): FindingInput => ({
  muscle: "upper-trapezius",
  side: "right",
  label: "UT-1 R",
  type: "latent",
  tautBand: true,
  localTwitch: false,
  referredPain: false,
  referralRegions: [],
  tenderness: "",
  trials: ["", "", ""],
  unit: "kPa",
  treatment: [],
  response: "",
  note: "",
  ...patch,
});

describe("the finding editor's form schema", () => {
  it("names a kPa reading typed in kg/cm² at its own trial, and accepts it in kPa", () => {
    const slip = findingForm.safeParse(values({ unit: "kgf/cm2", trials: ["", "310", ""] }));
    expect(slip.error?.issues).toEqual([
      expect.objectContaining({ path: ["trials", 1], message: "310 kg/cm² is about 30,400 kPa — did you mean kPa?" }),
    ]);
    expect(findingForm.safeParse(values({ unit: "kPa", trials: ["", "310", ""] })).success).toBe(true);
  });

  it("reads tenderness as typed: empty is not recorded, out of range is said as the request says it", () => {
    expect(findingForm.parse(values({ tenderness: "" })).tenderness).toBeNull();
    expect(findingForm.parse(values({ tenderness: "7" })).tenderness).toBe(7);
    const high = findingForm.safeParse(values({ tenderness: "11" }));
    expect(high.error?.issues[0]).toMatchObject({ path: ["tenderness"], message: "Tenderness runs from 0 to 10." });
  });

  it("puts the server's trial errors on the trial they came from (blank trials are not sent)", () => {
    expect(
      serverFieldErrors({ "pptTrials.0.value": ["Too high."], note: ["Too long."], version: ["Stale."] }, [
        "",
        "400",
        "",
      ]),
    ).toEqual([
      ["trials.1", "Too high."],
      ["note", "Too long."],
    ]);
  });
});
