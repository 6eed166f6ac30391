"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver, type ResolverResult } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import type { InstrumentDto, InstrumentItemDto, SubmitBody, Submitted } from "@/app/_lib/queries/questionnaires";
import { Button } from "@/app/_components/ui/button";
import { ActivitiesStep, ItemStep, MIN_ACTIVITIES } from "./question-step";
import { scoreInWords } from "./score-words";

type Step = { kind: "activities" } | { kind: "item"; item: InstrumentItemDto };
type Errors = Record<string, string>;
/** What the form sends besides the instrument: submitBody's answers and PSFS activity names. */
type Values = Required<Pick<SubmitBody, "answers" | "itemLabels">>;

/**
 * The form's errors by place: an item's id, "activities" for the named activities, "form" for
 * anything else (the server's field errors arrive as "answers.<id>", "itemLabels.<id>", …).
 */
function byPlace(found: FieldErrors<Values>): Errors {
  const out: Errors = {};
  const messageOf = (v: unknown) =>
    v && typeof v === "object" && "message" in v && typeof v.message === "string" ? v.message : undefined;
  for (const [key, e] of Object.entries(found)) {
    const nested = Object.entries(e ?? {}).flatMap(([k, v]) =>
      k !== "ref" && messageOf(v) ? [[k, messageOf(v)!] as const] : [],
    );
    const first = messageOf(e) ?? nested[0]?.[1] ?? "";
    if (key === "answers") {
      for (const [id, message] of nested) out[id] = message;
      if (messageOf(e)) out.form ??= messageOf(e)!;
    } else if (key === "itemLabels") out.activities ??= first;
    else out.form ??= first;
  }
  return out;
}

/** A failure that is not about any answer, in words for the person answering. */
function formMessage(err: unknown): string | null {
  if (!(err instanceof ApiError)) return "Your answers were not sent. Please try again.";
  if (err.status === 0)
    return "Your answers were not sent: we could not reach the clinic. Check your connection and press Send again.";
  return Object.keys(err.fieldErrors).length ? null : err.message;
}

/**
 * A questionnaire one question at a time (one screen section each, with "3 of 10"), for the
 * portal and for the clinic tablet. The server scores and validates; its messages are shown
 * beside the question they concern, and the form jumps back to the first one.
 */
export function QuestionnaireForm({
  instrument,
  previousLabels = {},
  send,
  after,
  sendLabel = "Send answers",
}: {
  instrument: InstrumentDto;
  /** PSFS: the activities named last time, rated again this time. */
  previousLabels?: Record<string, string>;
  send: (body: SubmitBody) => Promise<Submitted>;
  /** What to offer once the answers are in (a link home, back to the client). */
  after: (result: Submitted) => ReactNode;
  sendLabel?: string;
}) {
  const patientItems = instrument.items.filter((i) => i.promptSource === "patient");
  const [index, setIndex] = useState(0);
  /**
   * One question at a time: the check is for this screen only (submitBody's records cannot say
   * which answers an instrument needs, and importing the instruments' schemas would put the
   * reference data in the page). The server scores, validates everything and has the final word.
   */
  const resolver: Resolver<Values> = (values): ResolverResult<Values> => {
    const names = patientItems.filter((i) => values.itemLabels[i.id]?.trim()).length;
    if (step.kind === "activities" && names < MIN_ACTIVITIES) {
      const message = `Name at least ${MIN_ACTIVITIES} activities (${names} so far).`;
      // Shown for the activities as a whole: byPlace reads any itemLabels error as theirs.
      return { values: {}, errors: { itemLabels: { [patientItems[0]!.id]: { type: "min", message } } } };
    }
    if (step.kind === "item" && values.answers[step.item.id] == null) {
      const message = canSkip ? "Choose an answer, or skip this question." : "Choose an answer.";
      return { values: {}, errors: { answers: { [step.item.id]: { type: "required", message } } } };
    }
    return { values, errors: {} };
  };
  const form = useForm<Values>({ resolver, defaultValues: { answers: {}, itemLabels: previousLabels } });
  const labels = useWatch({ control: form.control, name: "itemLabels" });
  const answers = useWatch({ control: form.control, name: "answers" });
  const errors = byPlace(form.formState.errors);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  const named = patientItems.filter((i) => labels[i.id]?.trim());
  const steps: Step[] = [
    ...(patientItems.length ? [{ kind: "activities" as const }] : []),
    ...instrument.items
      .filter((i) => i.promptSource !== "patient" || named.includes(i))
      .map((item) => ({ kind: "item" as const, item })),
  ];
  const step = steps[Math.min(index, steps.length - 1)]!;
  // Until the activities are named, PSFS counts its minimum three ratings, and naming them is
  // never the last step.
  const total = steps.length + (patientItems.length ? Math.max(0, MIN_ACTIVITIES - named.length) : 0);
  const last = index >= steps.length - 1 && step.kind !== "activities";
  // Skipping is offered where a score can survive it (NDI/ODI pro-rate); the server has the
  // final word. A one-question rating or a PSFS activity the person named is always answered.
  const canSkip = step.kind === "item" && instrument.maxSkipped !== null && step.item.promptSource !== "patient";
  const skipped = Object.values(answers).filter((v) => v === null).length;

  const save = useMutation({
    mutationFn: send,
    onError: (err) => {
      applyFieldErrors(err, form.setError);
      const other = formMessage(err);
      if (other) form.setError("root", { message: other });
      const keys = err instanceof ApiError ? Object.keys(err.fieldErrors) : [];
      const first = steps.findIndex((s) =>
        s.kind === "activities" ? keys.some((k) => k.startsWith("itemLabels")) : keys.includes(`answers.${s.item.id}`),
      );
      if (first >= 0) go(first);
    },
  });

  // A new question replaces the old one: move focus to it so screen readers announce it and
  // keyboard users start at the top (not on first load, which would jump the page).
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [index, save.isSuccess]);

  function go(to: number) {
    moved.current = true;
    setIndex(Math.max(0, Math.min(to, steps.length - 1)));
  }

  /** On to the next question, or send: `skip` leaves this one unanswered (null) on purpose. */
  function next(v: Values, skip = false) {
    if (!last) return go(index + 1);
    const sent = steps.flatMap((s) => (s.kind === "item" ? [s.item.id] : []));
    save.mutate({
      instrumentId: instrument.id,
      answers: Object.fromEntries(
        sent.map((id) => [id, skip && step.kind === "item" && id === step.item.id ? null : (v.answers[id] ?? null)]),
      ),
      itemLabels: Object.fromEntries(named.map((i) => [i.id, v.itemLabels[i.id]!.trim()])),
    });
  }

  function skip() {
    if (step.kind !== "item") return;
    form.clearErrors();
    form.setValue(`answers.${step.item.id}`, null);
    next(form.getValues(), true);
  }

  if (save.isSuccess) {
    return (
      <section aria-labelledby="thanks-heading" className="space-y-4">
        <h2 ref={headingRef} id="thanks-heading" tabIndex={-1} className="text-xl font-semibold text-ink">
          Thank you — your answers are in
        </h2>
        <div className="space-y-1 text-base text-ink">
          {scoreInWords(instrument, save.data).map((l) => (
            <p key={l}>{l}</p>
          ))}
        </div>
        <div className="flex flex-col gap-2 sm:flex-row">{after(save.data)}</div>
      </section>
    );
  }

  const otherErrors = Object.entries(errors).filter(
    ([k]) => k !== "form" && (step.kind === "activities" ? k !== "activities" : k !== step.item.id),
  );
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit((v) => next(v))(e)} className="space-y-6">
      {instrument.instructions || instrument.versionNote ? (
        <div className="space-y-1 rounded-md border border-line bg-stone-50 px-3 py-2 text-sm text-ink">
          {instrument.instructions ? <p>{instrument.instructions}</p> : null}
          {instrument.versionNote ? <p className="text-muted">{instrument.versionNote}</p> : null}
        </div>
      ) : null}
      <div>
        <p className="text-sm font-medium text-muted tabular">
          Question {index + 1} of {total}
        </p>
        <div aria-hidden="true" className="mt-1 h-1.5 rounded-full bg-stone-200">
          <div className="h-1.5 rounded-full bg-accent-700" style={{ width: `${((index + 1) / total) * 100}%` }} />
        </div>
      </div>
      {step.kind === "activities" ? (
        <ActivitiesStep
          ref={headingRef}
          items={patientItems}
          labels={labels}
          error={errors.activities}
          repeat={Object.keys(previousLabels).length > 0}
          onChange={(id, label) => form.setValue(`itemLabels.${id}`, label)}
        />
      ) : (
        <ItemStep
          ref={headingRef}
          key={step.item.id}
          item={step.item}
          label={labels[step.item.id]}
          value={answers[step.item.id] ?? null}
          error={errors[step.item.id]}
          onChange={(v) => {
            form.setValue(`answers.${step.item.id}`, v);
            form.clearErrors(`answers.${step.item.id}`);
          }}
        />
      )}
      {errors.form ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger">
          {errors.form}
        </p>
      ) : null}
      {otherErrors.length > 0 ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger">
          <p className="font-medium">Other questions need attention:</p>
          <ul className="mt-1 space-y-1">
            {otherErrors.map(([k, msg]) => {
              const to = steps.findIndex((s) => (s.kind === "activities" ? k === "activities" : s.item.id === k));
              return (
                <li key={k}>
                  {to >= 0 ? (
                    <button type="button" className="min-h-11 text-left underline" onClick={() => go(to)}>
                      Question {to + 1}: {msg}
                    </button>
                  ) : (
                    msg
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={save.isPending} className="min-h-12 flex-1 text-base sm:flex-none">
          {last ? sendLabel : "Next"}
        </Button>
        {index > 0 ? (
          <Button type="button" variant="secondary" className="min-h-12 text-base" onClick={() => go(index - 1)}>
            Back
          </Button>
        ) : null}
        {canSkip ? (
          <Button type="button" variant="ghost" className="min-h-12 text-base" onClick={skip}>
            Skip this question
          </Button>
        ) : null}
      </div>
      {canSkip ? (
        <p className="text-sm text-muted">
          {/* Said before it happens, so skipping a second section is an informed choice. */}
          You can skip up to {instrument.maxSkipped} question{instrument.maxSkipped === 1 ? "" : "s"} and still get a
          score{skipped > 0 ? ` (${skipped} skipped so far)` : ""}; skip more and your answers are kept without a score.
        </p>
      ) : null}
    </form>
  );
}
