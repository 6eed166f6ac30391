import { describe, expect, it } from "vitest";
import { SEEDED_FORMS, seededFormsFor } from "../templates";
import { formDefinitionSchema } from "../definition";
import { canonicalJson, validateAnswers } from "./answers";

const hh = SEEDED_FORMS.health_history;
const complete = {
  phone: "07700 900123",
  date_of_birth: "1980-04-02",
  emergency_name: "Sam",
  emergency_phone: "07700 900456",
  main_complaint: "Neck pain",
  precautions: ["anticoagulants"],
  takes_medication: true,
  medications: "Warfarin 5 mg",
  pregnant: false,
};

describe("form answers", () => {
  it("accepts a complete health history and trims text", () => {
    const { answers, errors } = validateAnswers(hh, { ...complete, conditions: "  asthma " });
    expect(errors).toEqual({});
    expect(answers.conditions).toBe("asthma");
    expect(answers.precautions).toEqual(["anticoagulants"]);
  });

  it("names each missing or malformed answer, and unknown questions", () => {
    const { errors } = validateAnswers(hh, {
      ...complete,
      phone: "",
      date_of_birth: "02/04/1980",
      precautions: ["not_a_precaution"],
      pain_now: 11,
      pain_areas: { regions: ["nowhere"] },
      sneaky: "x",
    });
    expect(errors).toEqual({
      phone: "Please answer this question.",
      date_of_birth: "Use the format YYYY-MM-DD.",
      precautions: "Choose from the options.",
      pain_now: "Enter at most 10.",
      pain_areas: "Mark areas on the body map.",
      sneaky: "This question is not on the form.",
    });
  });

  it("drops the follow-up of a question answered no, and does not require it", () => {
    const { answers, errors } = validateAnswers(hh, { ...complete, takes_medication: false });
    expect(errors).toEqual({});
    expect(answers).not.toHaveProperty("medications");
    expect(validateAnswers(hh, { ...complete, medications: undefined }).errors).toEqual({
      medications: "Please answer this question.",
    });
  });

  it("hashes the same content the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
  });

  it("refuses a definition with duplicate ids or a condition on a later question", () => {
    const bad = formDefinitionSchema.safeParse({
      title: "T",
      kind: "other",
      sections: [
        {
          id: "s",
          title: "S",
          questions: [
            { id: "a", kind: "yes_no", label: "A", showIf: { question: "b", equals: true } },
            { id: "b", kind: "yes_no", label: "B" },
            { id: "b", kind: "short_text", label: "B again" },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.message)).toEqual([
      "A question can only depend on one asked before it.",
      'Question id "b" is used twice.',
    ]);
  });

  it("offers the dry needling consent only where the clinic's scope allows it", () => {
    expect(seededFormsFor(false)).not.toContain("consent_dry_needling");
    expect(seededFormsFor(true)).toContain("consent_dry_needling");
  });
});
