import { z } from "zod";

/**
 * A clinic form is data, like the outcome questionnaires (lib/outcomes/rules/instrument-schema.ts):
 * sections of questions that one renderer shows and one validator checks. Each saved change
 * is a new version; a submission keeps the version it was filled in on, so what a client
 * signed is always the exact text they saw.
 */

export const QUESTION_KINDS = [
  "short_text",
  "long_text",
  "yes_no",
  "single_choice",
  "multi_choice",
  "date",
  "number",
  "body_map",
  "signature",
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * Where an answer may be written back to the record, after the therapist reviews it
 * (lib/forms/write-back.ts). Nothing changes on the record without that review.
 */
export const WRITE_BACK_TARGETS = [
  "client.phone",
  "client.email",
  "client.date_of_birth",
  "client.emergency_contact_name",
  "client.emergency_contact_phone",
  "precautions",
] as const;
export type WriteBackTarget = (typeof WRITE_BACK_TARGETS)[number];

const id = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, "Ids are lower_snake_case, at most 40 characters.");
// Messages written for the clinic's form editor, which shows them beside the input.
const text = (max: number) => z.string().trim().min(1, "This cannot be empty.").max(max, `At most ${max} characters.`);

/**
 * An option's code is what an answer stores, what write-back maps (a precaution's id) and what a
 * condition compares with; its label is only what the client reads. Labels change freely, codes
 * never do once a version is saved, so past answers keep their meaning.
 */
export const optionCode = z
  .string()
  .trim()
  .min(1, "Give the option a code.")
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "Codes are lower_snake_case: a letter, then letters, digits or _, at most 40.");
export const optionSchema = z.object({ value: optionCode, label: text(300) });

export const questionSchema = z
  .object({
    id,
    kind: z.enum(QUESTION_KINDS),
    label: text(2000),
    help: text(2000).optional(),
    required: z.boolean().default(false),
    /** single_choice / multi_choice. */
    options: z.array(optionSchema).min(2, "Give at least two options.").max(60, "At most 60 options.").optional(),
    /** number: bounds and unit. */
    min: z.number("Enter a number.").optional(),
    max: z.number("Enter a number.").optional(),
    unit: text(20).optional(),
    /** Shown only when another question (earlier in the form) has this answer. */
    showIf: z.object({ question: id, equals: z.union([z.string(), z.boolean()]) }).optional(),
    mapsTo: z.enum(WRITE_BACK_TARGETS).optional(),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === "single_choice" || q.kind === "multi_choice";
    if (choice !== Boolean(q.options))
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only choice questions have options (at least 2)." });
    // Each repeat is reported on its own code input, naming the option that has it first.
    q.options?.forEach((o, i) => {
      const first = q.options!.findIndex((x) => x.value === o.value);
      if (first < i)
        ctx.addIssue({
          code: "custom",
          path: ["options", i, "value"],
          message: `Option ${first + 1} already has the code “${o.value}”.`,
        });
    });
    if (q.min !== undefined && q.max !== undefined && q.min > q.max)
      ctx.addIssue({ code: "custom", path: ["max"], message: "The highest value must not be below the lowest." });
    if (q.mapsTo === "precautions" && q.kind !== "multi_choice")
      ctx.addIssue({ code: "custom", path: ["mapsTo"], message: "Precautions come from a multiple-choice question." });
  });
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id,
  title: text(200),
  intro: text(4000).optional(),
  questions: z
    .array(questionSchema)
    .min(1, "A section needs at least one question.")
    .max(80, "At most 80 questions in a section."),
});

export const FORM_KINDS = ["health_history", "consent", "privacy", "other"] as const;

/** A form's title (also asked alone when a clinic starts a blank form). */
export const formTitleSchema = text(200);

export const formDefinitionSchema = z
  .object({
    title: formTitleSchema,
    kind: z.enum(FORM_KINDS),
    intro: text(4000).optional(),
    sections: z.array(sectionSchema).min(1, "A form needs at least one section.").max(30, "At most 30 sections."),
  })
  .superRefine((f, ctx) => {
    const seen = new Map<string, Question>();
    f.sections.forEach((s, si) =>
      s.questions.forEach((q, qi) => {
        if (seen.has(q.id))
          ctx.addIssue({
            code: "custom",
            path: ["sections", si, "questions", qi, "id"],
            message: `Question id "${q.id}" is used twice.`,
          });
        const path = ["sections", si, "questions", qi, "showIf"];
        if (q.showIf && !seen.has(q.showIf.question))
          ctx.addIssue({ code: "custom", path, message: "A question can only depend on one asked before it." });
        else if (q.showIf) {
          const problem = conditionProblem(seen.get(q.showIf.question)!, q.showIf.equals);
          if (problem) ctx.addIssue({ code: "custom", path, message: problem });
        }
        seen.set(q.id, q);
      }),
    );
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Kinds a condition can depend on: the answer is compared with `===` (lib/forms/rules/answers.ts). */
export const CONDITION_KINDS: readonly QuestionKind[] = ["yes_no", "single_choice"];

/** Why a condition on `on` could never be met (else null): a condition nobody can meet hides a question for good. */
function conditionProblem(on: Question, equals: string | boolean): string | null {
  if (!CONDITION_KINDS.includes(on.kind)) return "A question can only depend on a yes/no or single-choice answer.";
  if (on.kind === "yes_no" && typeof equals !== "boolean") return "Choose Yes or No.";
  if (on.kind === "single_choice" && !on.options?.some((o) => o.value === equals))
    return "Choose one of that question’s options (the one it depended on was removed or changed).";
  return null;
}

/**
 * Starting a blank form: a title and kind now, its sections in the editor (the first save makes
 * version 1). Here rather than in schemas.ts so the browser's form can use it without loading the
 * seeded forms.
 */
export const newFormBody = z.object({
  title: formTitleSchema,
  kind: z.enum(FORM_KINDS, "Choose what kind of form this is."),
});
export type NewFormBody = z.infer<typeof newFormBody>;
