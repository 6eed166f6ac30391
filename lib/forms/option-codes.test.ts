import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formVersions } from "@/db/schema";
import { freshDb, sessionFor, type TestDb } from "@/lib/testing/db";
import type { RouteDeps } from "@/lib/http/route";
import * as blankRoute from "@/app/api/forms/templates/blank/route";
import * as templateRoute from "@/app/api/forms/templates/[templateId]/route";
import type { FormDefinition } from "./definition";
import { codeFromLabel, editorSchema, toEditorValues } from "./form-editor";

let t: TestDb;
let templateId: string;
const U = "http://knotwork.test/api";
const deps = async (): Promise<RouteDeps> => ({ db: t.db, session: await sessionFor(t.db, "admin@demo.test") });
const json = (method: string, body: unknown) =>
  new Request(`${U}/x`, { method, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
const versions = async () => (await t.db.select().from(formVersions)).length;

const TEXT: FormDefinition = {
  title: "Sleep",
  kind: "other",
  sections: [
    {
      id: "s_sleep",
      title: "Sleep",
      questions: [
        {
          id: "q_position",
          kind: "single_choice",
          label: "How do you sleep?",
          required: true,
          options: [
            { value: "back", label: "On my back" },
            { value: "side", label: "On my side" },
          ],
        },
        { id: "q_pillow", kind: "yes_no", label: "Do you use a pillow?", required: false },
        {
          id: "q_side",
          kind: "short_text",
          label: "Which side?",
          required: false,
          showIf: { question: "q_position", equals: "side" },
        },
      ],
    },
  ],
};
const question = (def: FormDefinition, i: number) => def.sections[0]!.questions[i]!;
let version = 0;
const save = async (definition: unknown) => {
  const res = await templateRoute.PUT.invoke(
    json("PUT", { baseVersion: version, definition }),
    { templateId },
    await deps(),
  );
  const body = await res.json();
  if (res.status === 200) version = body.currentVersion;
  return { status: res.status, body };
};

beforeAll(async () => {
  t = await freshDb();
  const res = await blankRoute.POST.invoke(json("POST", { title: "Sleep", kind: "other" }), {}, await deps());
  templateId = (await res.json()).id;
});
afterAll(() => t.close());

describe("choice options keep their codes", () => {
  it("saves a condition on an option's code, and renaming the option keeps both", async () => {
    expect((await save(TEXT)).status).toBe(200);
    const renamed = structuredClone(TEXT);
    question(renamed, 0).options![1]!.label = "Mostly on my side";
    const { status, body } = await save(renamed);
    expect(status).toBe(200);
    expect(question(body.definition, 0).options).toEqual([
      { value: "back", label: "On my back" },
      { value: "side", label: "Mostly on my side" },
    ]);
    expect(question(body.definition, 2).showIf).toEqual({ question: "q_position", equals: "side" });
  });

  it("refuses a repeated code with an error on that option's code, and saves nothing", async () => {
    const before = await versions();
    const dup = structuredClone(TEXT);
    question(dup, 0).options!.push({ value: "side", label: "Front" });
    const { status, body } = await save(dup);
    expect(status).toBe(400);
    expect(body.error.fieldErrors).toEqual({
      "definition.sections.0.questions.0.options.2.value": ["Option 2 already has the code “side”."],
    });
    const bad = structuredClone(TEXT);
    question(bad, 0).options![0]!.value = "On Back";
    expect((await save(bad)).body.error.fieldErrors).toHaveProperty([
      "definition.sections.0.questions.0.options.0.value",
    ]);
    expect(await versions()).toBe(before);
  });

  it("refuses a condition nobody can meet: a removed option, a text answer, Yes/No of the wrong type", async () => {
    const removed = structuredClone(TEXT);
    question(removed, 0).options = [
      { value: "back", label: "On my back" },
      { value: "front", label: "On my front" },
    ];
    const path = "definition.sections.0.questions.2.showIf";
    expect((await save(removed)).body.error.fieldErrors[path]).toEqual([
      "Choose one of that question’s options (the one it depended on was removed or changed).",
    ]);
    const onText = structuredClone(TEXT);
    question(onText, 1).showIf = { question: "q_position", equals: "back" };
    question(onText, 2).showIf = { question: "q_pillow", equals: "yes" };
    expect((await save(onText)).body.error.fieldErrors[path]).toEqual(["Choose Yes or No."]);
    onText.sections[0]!.questions.push({
      id: "q_more",
      kind: "long_text",
      label: "More",
      required: false,
      showIf: { question: "q_side", equals: "left" },
    });
    question(onText, 2).showIf = { question: "q_pillow", equals: true };
    expect((await save(onText)).body.error.fieldErrors).toEqual({
      "definition.sections.0.questions.3.showIf": ["A question can only depend on a yes/no or single-choice answer."],
    });
  });
});

describe("the editor's codes", () => {
  it("makes a new option's code from its label, different from the others, and keeps saved ones", () => {
    expect(codeFromLabel("Blood thinners (e.g. warfarin)", [])).toBe("blood_thinners_e_g_warfarin");
    expect(codeFromLabel("Côte d’Azur", [])).toBe("cote_d_azur");
    expect(codeFromLabel("2 pillows", [])).toBe("o_2_pillows");
    expect(codeFromLabel("", [])).toBe("o");
    expect(codeFromLabel("Side", ["side", "side_2"])).toBe("side_3");
    expect(codeFromLabel("x".repeat(80), []).length).toBeLessThanOrEqual(40);
    const values = toEditorValues(TEXT);
    expect(values.sections[0]!.questions[0]!.options.every((o) => o.saved)).toBe(true);
    // The editor's own flag never reaches the saved text.
    expect(editorSchema.parse(values)).toEqual(TEXT);
  });
});
