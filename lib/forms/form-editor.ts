import { z } from "zod";
import {
  formDefinitionSchema,
  FORM_KINDS,
  QUESTION_KINDS,
  WRITE_BACK_TARGETS,
  type FormDefinition,
  type Question,
  type QuestionKind,
} from "./definition";

/*
 * The form editor's values are what its inputs hold (strings for optional text and numbers, an
 * options list on every question), and they are validated by converting them to a form
 * definition and parsing that with the same schema the save operation uses. The definition's
 * paths ("sections.0.questions.2.label") are the inputs' names, so the schema's messages and the
 * server's field errors land beside the input they are about.
 */

/** `saved`: the option is in the saved version, so its code is fixed; a new one's code may still be edited. */
const editorOption = z.object({ value: z.string(), label: z.string(), saved: z.boolean().optional() });
const editorQuestion = z.object({
  id: z.string(),
  kind: z.enum(QUESTION_KINDS),
  label: z.string(),
  help: z.string(),
  required: z.boolean(),
  options: z.array(editorOption),
  min: z.string(),
  max: z.string(),
  unit: z.string(),
  mapsTo: z.union([z.enum(WRITE_BACK_TARGETS), z.literal("")]),
  /** "Show only when question X is answered Y" (condition-editor.tsx builds it). */
  showIf: z.object({ question: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
});
const editorSection = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string(),
  questions: z.array(editorQuestion),
});
export const editorValues = z.object({
  title: z.string(),
  kind: z.enum(FORM_KINDS),
  intro: z.string(),
  sections: z.array(editorSection),
});
export type EditorValues = z.infer<typeof editorValues>;
export type EditorQuestion = z.infer<typeof editorQuestion>;
export type EditorSection = z.infer<typeof editorSection>;

export const isChoice = (k: QuestionKind) => k === "single_choice" || k === "multi_choice";
const opt = (s: string) => (s.trim() === "" ? undefined : s);
const num = (s: string) => (s.trim() === "" ? undefined : Number(s));

type DefinitionInput = z.input<typeof formDefinitionSchema>;

/** The definition the editor's values stand for (unvalidated: parse it with formDefinitionSchema). */
export function toDefinition(v: EditorValues): DefinitionInput {
  return {
    title: v.title,
    kind: v.kind,
    intro: opt(v.intro),
    sections: v.sections.map((s) => ({
      id: s.id,
      title: s.title,
      intro: opt(s.intro),
      questions: s.questions.map((q) => {
        const out: Question = { id: q.id, kind: q.kind, label: q.label, required: q.required };
        if (opt(q.help)) out.help = q.help;
        if (isChoice(q.kind)) out.options = q.options.map((o) => ({ value: o.value, label: o.label }));
        if (q.kind === "number") {
          out.min = num(q.min);
          out.max = num(q.max);
          out.unit = opt(q.unit);
        }
        if (q.mapsTo) out.mapsTo = q.mapsTo;
        if (q.showIf) out.showIf = q.showIf;
        return JSON.parse(JSON.stringify(out)) as Question; // drops the undefined keys
      }),
    })),
  };
}

/** What zodResolver checks: the editor's values, turned into a definition, by the save schema. */
export const editorSchema = editorValues.transform(toDefinition).pipe(formDefinitionSchema);

const text = (s: string | undefined) => s ?? "";
const numText = (n: number | undefined) => (n === undefined ? "" : String(n));

/** The editor's values for a saved definition. */
export function toEditorValues(def: FormDefinition): EditorValues {
  return {
    title: def.title,
    kind: def.kind,
    intro: text(def.intro),
    sections: def.sections.map((s) => ({
      id: s.id,
      title: s.title,
      intro: text(s.intro),
      questions: s.questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        label: q.label,
        help: text(q.help),
        required: q.required,
        options: (q.options ?? []).map((o) => ({ ...o, saved: true })),
        min: numText(q.min),
        max: numText(q.max),
        unit: text(q.unit),
        mapsTo: q.mapsTo ?? "",
        ...(q.showIf ? { showIf: q.showIf } : {}),
      })),
    })),
  };
}

/** A new id (lower_snake_case, as the definition wants) that no other part of the form uses. */
export function newId(prefix: "q" | "s" | "o", taken: Iterable<string>): string {
  const used = new Set(taken);
  for (;;) {
    const id = `${prefix}_${Math.random().toString(36).slice(2, 8)}`;
    if (!used.has(id) && /^[a-z][a-z0-9_]{0,39}$/.test(id)) return id;
  }
}

/**
 * A code for a new option, made from its label ("Blood thinners" → "blood_thinners"), different
 * from the question's other codes ("blood_thinners_2"). Made once, while the option is new: after
 * the save it never follows the label again.
 */
export function codeFromLabel(label: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 34)
    .replace(/_+$/, "");
  if (!/^[a-z]/.test(base)) base = `o_${base}`.replace(/_+$/, "");
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

export const allIds = (v: EditorValues) => v.sections.flatMap((s) => [s.id, ...s.questions.map((q) => q.id)]);

export function blankQuestion(taken: Iterable<string>, kind: QuestionKind = "short_text"): EditorQuestion {
  return {
    id: newId("q", taken),
    kind,
    label: "",
    help: "",
    required: false,
    options: [],
    min: "",
    max: "",
    unit: "",
    mapsTo: "",
  };
}

export function blankSection(taken: Iterable<string>): EditorSection {
  const id = newId("s", taken);
  return { id, title: "", intro: "", questions: [blankQuestion([...taken, id])] };
}

/**
 * The editor's values for a form as stored: its current version's text, or for a new blank form
 * (no version yet) its title and kind with one empty section to fill in.
 */
export function templateValues(t: {
  title: string;
  kind: EditorValues["kind"];
  definition: FormDefinition | null;
}): EditorValues {
  if (t.definition) return toEditorValues(t.definition);
  return { title: t.title, kind: t.kind, intro: "", sections: [blankSection([])] };
}

export const QUESTION_KIND_LABELS: Record<QuestionKind, string> = {
  short_text: "Short text",
  long_text: "Long text",
  yes_no: "Yes / no",
  single_choice: "Single choice",
  multi_choice: "Multiple choice",
  date: "Date",
  number: "Number",
  body_map: "Body map",
  signature: "Signature",
};

export const FORM_KIND_LABELS: Record<(typeof FORM_KINDS)[number], string> = {
  health_history: "Health history",
  consent: "Consent",
  privacy: "Privacy notice",
  other: "Other",
};

/** Server field errors ("definition.sections.0.title") as the editor's input names. */
export const editorField = (path: string) => path.replace(/^definition\.?/, "") || "root";
