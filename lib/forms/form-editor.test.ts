import { describe, expect, it } from "vitest";
import { SEEDED_FORMS } from "./templates";
import {
  blankQuestion,
  blankSection,
  editorSchema,
  templateValues,
  toEditorValues,
  type EditorValues,
} from "./form-editor";

const paths = (v: EditorValues) => {
  const r = editorSchema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
};

describe("form editor values", () => {
  it.each(Object.entries(SEEDED_FORMS))("round-trips the %s starting form unchanged", (_, def) => {
    expect(editorSchema.parse(toEditorValues(def))).toEqual(def);
  });

  it("reports problems at the editor's own input names", () => {
    const v = toEditorValues(SEEDED_FORMS.health_history);
    v.title = "  ";
    v.sections[1]!.questions[2]!.min = "ten";
    v.sections[2]!.questions[0]!.options = [{ value: "only", label: "Only one" }];
    v.sections[0]!.questions[0]!.help = ""; // empty optional text is simply left out
    expect(paths(v).sort()).toEqual(["sections.1.questions.2.min", "sections.2.questions.0.options", "title"]);
  });

  it("refuses a question that depends on one asked after it (after a reorder)", () => {
    const v = toEditorValues(SEEDED_FORMS.health_history);
    const qs = v.sections[2]!.questions;
    const medication = qs.findIndex((q) => q.id === "medications");
    const takes = qs.findIndex((q) => q.id === "takes_medication");
    [qs[medication], qs[takes]] = [qs[takes]!, qs[medication]!];
    expect(paths(v)).toEqual([`sections.2.questions.${takes}.showIf`]);
  });

  it("makes new sections and questions with fresh valid ids, to be filled in", () => {
    const v = toEditorValues(SEEDED_FORMS.privacy_notice);
    const s = blankSection(v.sections.map((x) => x.id));
    v.sections.push(s);
    expect(s.id).toMatch(/^s_[a-z0-9]+$/);
    expect(paths(v)).toEqual(["sections.1.title", "sections.1.questions.0.label"]);
    s.title = "More";
    s.questions[0]!.label = "Anything else?";
    s.questions.push({ ...blankQuestion([s.questions[0]!.id]), kind: "single_choice", label: "Pick" });
    expect(paths(v)).toEqual(["sections.1.questions.1.options"]);
  });

  it("opens a new blank form (no version yet) with its title and kind and one section to fill in", () => {
    const v = templateValues({ title: "Return visit", kind: "other", definition: null });
    expect(v).toMatchObject({ title: "Return visit", kind: "other", intro: "" });
    expect(paths(v)).toEqual(["sections.0.title", "sections.0.questions.0.label"]);
    expect(templateValues({ title: "x", kind: "privacy", definition: SEEDED_FORMS.privacy_notice })).toEqual(
      toEditorValues(SEEDED_FORMS.privacy_notice),
    );
  });
});
