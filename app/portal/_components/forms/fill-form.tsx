"use client";
import { useRef, useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { ApiError, call, ops, type BodyOf } from "@/app/_lib/api-client";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { FillFormDto } from "@/lib/forms/schemas";
import type { Answer, Answers } from "@/lib/forms/rules/answers";
import { isVisible } from "@/lib/forms/rules/answers";
import { QuestionInput } from "./question-input";
import { SignatureField, type SignatureValue } from "./signature-field";

/**
 * A form on a phone: one section per screen with the step shown, the signature last and large
 * enough for a finger. `kiosk`: on the clinic's tablet nothing else is reachable, and the
 * screen locks with a thank-you when the form is sent. `preview`: the clinic's form editor shows
 * the form exactly as a client will, and nothing is sent.
 */
export function FillForm({
  form,
  submitTo,
  kiosk = false,
  preview = false,
}: {
  form: FillFormDto;
  /** The client's own request in the portal, or the clinic tablet's kiosk link. */
  submitTo?: { requestId: string } | { kioskToken: string };
  kiosk?: boolean;
  preview?: boolean;
}) {
  const sections = form.definition.sections;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Answers>({});
  const [signature, setSignature] = useState<SignatureValue>({ method: "drawn", name: "", pngBase64: "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const submit = useMutation({
    mutationFn: async () => {
      if (preview || !submitTo) return { submissionId: "" };
      // An unticked consent is sent as it is: the server refuses it with a field error beside the box.
      const body = { answers, signature } as BodyOf<typeof ops.submitMyForm>;
      return "kioskToken" in submitTo
        ? call(ops.submitKioskForm, { params: { token: submitTo.kioskToken }, body })
        : call(ops.submitMyForm, { params: { requestId: submitTo.requestId }, body });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      const next = Object.fromEntries(
        Object.entries(err.fieldErrors).map(([k, v]) => [k.replace(/^answers\./, ""), v[0] ?? ""]),
      );
      setErrors(next);
      // Back to the first section with a problem.
      const bad = sections.findIndex((s) => s.questions.some((q) => next[q.id]));
      if (bad >= 0 && bad !== step) go(bad);
    },
  });
  const section = sections[step]!;
  const last = step === sections.length - 1;
  const signatureQuestion = section.questions.find((q) => q.kind === "signature");

  function go(to: number) {
    setStep(to);
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => heading.current?.focus());
  }
  function set(id: string, v: Answer | undefined) {
    setAnswers((a) => {
      const next = { ...a };
      if (v === undefined) delete next[id];
      else next[id] = v;
      return next;
    });
  }
  /** Required questions of this screen answered? (the server checks everything again). */
  function checkStep(): boolean {
    const missing: Record<string, string> = {};
    for (const q of section.questions)
      if (q.required && q.kind !== "signature" && isVisible(q, answers) && answers[q.id] === undefined)
        missing[q.id] = "Please answer this question.";
    setErrors(missing);
    return Object.keys(missing).length === 0;
  }

  if (submit.isSuccess && preview)
    return (
      <div className="space-y-4" data-testid="form-done">
        <p className="font-medium">End of the preview: a client would now see that the form is signed and sent.</p>
        <Button type="button" variant="secondary" onClick={() => (submit.reset(), setAnswers({}), go(0))}>
          Preview again from the start
        </Button>
      </div>
    );
  if (submit.isSuccess)
    return (
      <div className="space-y-4" data-testid="form-done">
        <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold">
          Thank you — your form is signed and sent to {form.clinicName}.
        </h2>
        {kiosk ? (
          <p className="text-muted">This screen is now locked. Please hand the tablet back to the reception desk.</p>
        ) : (
          <ButtonLink href="/portal/forms">Back to your forms</ButtonLink>
        )}
      </div>
    );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!checkStep()) return;
        if (!last) go(step + 1);
        else submit.mutate();
      }}
      className="space-y-5"
    >
      <p className="text-sm text-muted" aria-live="polite">
        Step {step + 1} of {sections.length}
      </p>
      <div className="h-2 w-full overflow-hidden rounded bg-stone-200" aria-hidden>
        <div className="h-full bg-accent-700" style={{ width: `${((step + 1) / sections.length) * 100}%` }} />
      </div>
      <h2 ref={heading} tabIndex={-1} className="text-xl font-semibold outline-none">
        {section.title}
      </h2>
      {step === 0 && form.definition.intro ? <p className="text-ink">{form.definition.intro}</p> : null}
      {section.intro ? <p className="text-ink">{section.intro}</p> : null}
      {section.questions
        .filter((q) => q.kind !== "signature" && isVisible(q, answers))
        .map((q) => (
          <QuestionInput key={q.id} q={q} value={answers[q.id]} error={errors[q.id]} onChange={(v) => set(q.id, v)} />
        ))}
      {signatureQuestion ? (
        <SignatureField
          label={signatureQuestion.label}
          value={signature}
          onChange={(v) => {
            setSignature(v);
            // A new stroke or name answers the last refusal: its message goes until the next send.
            setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("signature."))));
          }}
          errors={errors}
        />
      ) : null}
      {submit.isError && !(submit.error instanceof ApiError && submit.error.status === 400) ? (
        <Notice tone="danger" testId="form-error">
          {submit.error.message}
        </Notice>
      ) : null}
      {submit.isError && submit.error instanceof ApiError && submit.error.status === 400 ? (
        <Notice tone="danger" testId="form-error">
          Some answers need attention: they are marked in red.
        </Notice>
      ) : null}
      <div className="flex gap-3">
        {step > 0 ? (
          <Button type="button" variant="secondary" onClick={() => go(step - 1)}>
            Back
          </Button>
        ) : null}
        <Button type="submit" busy={submit.isPending}>
          {last ? "Sign and send" : "Next"}
        </Button>
      </div>
    </form>
  );
}
