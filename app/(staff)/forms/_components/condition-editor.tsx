"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useWatch } from "react-hook-form";
import { SelectField } from "@/app/_components/ui/field";
import { CONDITION_KINDS } from "@/lib/forms/definition";
import type { EditorQuestion } from "@/lib/forms/form-editor";
import type { EditorForm } from "./editor-form";

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 59)}…` : s) || "(no text yet)";

/**
 * "Show this question only when …": a condition on an earlier yes/no or single-choice answer
 * (the engine compares the answer with `===`, lib/forms/rules/answers.ts). The answer is an
 * option's code, so renaming the option keeps the condition; removing it is a field error.
 */
export function ConditionEditor({ form, section, index }: { form: EditorForm; section: number; index: number }) {
  const base = `sections.${section}.questions.${index}` as const;
  const sections = useWatch({ control: form.control, name: "sections" });
  const showIf = useWatch({ control: form.control, name: `${base}.showIf` });
  const error = form.formState.errors.sections?.[section]?.questions?.[index]?.showIf;
  const message = error?.message ?? error?.equals?.message ?? error?.question?.message;
  const number = `${section + 1}.${index + 1}`;

  const earlier: EditorQuestion[] = [];
  sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      if ((si < section || (si === section && qi < index)) && CONDITION_KINDS.includes(q.kind)) earlier.push(q);
    }),
  );
  const all = sections.flatMap((s) => s.questions);
  const on = showIf ? all.find((q) => q.id === showIf.question) : undefined;
  // A condition left pointing at a question moved below this one stays listed, so its error shows.
  const choices = on && !earlier.includes(on) ? [...earlier, on] : earlier;
  const answers = (q: EditorQuestion | undefined) =>
    !q
      ? []
      : q.kind === "yes_no"
        ? [
            { value: "true", label: "Yes" },
            { value: "false", label: "No" },
          ]
        : q.options.map((o) => ({ value: o.value, label: o.label || o.value }));
  const set = (value: EditorQuestion["showIf"]) => form.setValue(`${base}.showIf`, value, { shouldDirty: true });
  const pickQuestion = (id: string) => {
    const q = all.find((x) => x.id === id);
    if (!q) return set(undefined);
    const first = answers(q)[0]?.value ?? "";
    set({ question: id, equals: q.kind === "yes_no" ? first === "true" : first });
  };
  const pickAnswer = (v: string) =>
    showIf && set({ question: showIf.question, equals: on?.kind === "yes_no" ? v === "true" : v });
  const current = showIf ? String(showIf.equals) : "";
  const offered = answers(on);

  if (choices.length === 0) return null;
  return (
    <div className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
      <SelectField
        label={`Show question ${number}`}
        value={showIf?.question ?? ""}
        error={message}
        onChange={(e) => pickQuestion(e.target.value)}
      >
        <option value="">Always</option>
        {choices.map((q) => (
          <option key={q.id} value={q.id}>
            Only when “{short(q.label)}” is answered…
          </option>
        ))}
      </SelectField>
      {showIf ? (
        <SelectField
          label={`Answer that shows question ${number}`}
          value={current}
          onChange={(e) => pickAnswer(e.target.value)}
        >
          {offered.some((a) => a.value === current) ? null : <option value={current}>(removed: {current})</option>}
          {offered.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </SelectField>
      ) : null}
    </div>
  );
}
