"use client";
import { useRef, useState } from "react";
import { Controller, useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { useMutation } from "@tanstack/react-query";
import { ApiError, applyFieldErrors, call, ops, type BodyOf } from "@/app/_lib/api-client";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { FillFormDto } from "@/lib/forms/schemas";
import type { Answers } from "@/lib/forms/rules/answers";
import { isVisible, validateAnswers } from "@/lib/forms/rules/answers";
import { QuestionInput } from "./question-input";
import { SignatureField, type SignatureValue } from "./signature-field";

interface Values {
  answers: Answers;
  signature: SignatureValue;
}

const EMPTY: Values = { answers: {}, signature: { method: "drawn", name: "", pngBase64: "" } };

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
  const heading = useRef<HTMLHeadingElement>(null);
  /**
   * The questions are the form definition's, so the check is the lib's own validateAnswers (the
   * server runs it again on the whole form and has the final word), limited to this screen.
   */
  const resolver: Resolver<Values> = (values) => {
    const { errors } = validateAnswers(form.definition, values.answers);
    const here = sections[step]!.questions.filter((q) => q.kind !== "signature" && isVisible(q, values.answers));
    const found = Object.fromEntries(
      here.filter((q) => errors[q.id]).map((q) => [q.id, { type: "validate", message: errors[q.id] }]),
    );
    return Object.keys(found).length
      ? { values: {}, errors: { answers: found } as FieldErrors<Values> }
      : { values, errors: {} };
  };
  const fields = useForm<Values>({ resolver, defaultValues: EMPTY });
  const answers = useWatch({ control: fields.control, name: "answers" });
  const submit = useMutation({
    mutationFn: async ({ answers, signature }: Values) => {
      if (preview || !submitTo) return { submissionId: "" };
      // An unticked consent is sent as it is: the server refuses it with a field error beside the box.
      const body = { answers, signature } as BodyOf<typeof ops.submitMyForm>;
      return "kioskToken" in submitTo
        ? call(ops.submitKioskForm, { params: { token: submitTo.kioskToken }, body })
        : call(ops.submitMyForm, { params: { requestId: submitTo.requestId }, body });
    },
    onError: (err) => {
      if (!(err instanceof ApiError)) return;
      applyFieldErrors(err, fields.setError);
      // Back to the first section with a problem.
      const bad = sections.findIndex((s) => s.questions.some((q) => err.fieldErrors[`answers.${q.id}`]?.[0]));
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
  // The signature's messages, under the server's names ("signature.consent"), for SignatureField.
  const signatureErrors = Object.fromEntries(
    Object.entries((fields.formState.errors.signature ?? {}) as Record<string, { message?: string } | undefined>)
      .filter(([, e]) => e?.message)
      .map(([k, e]) => [`signature.${k}`, e!.message!]),
  );

  if (submit.isSuccess && preview)
    return (
      <div className="space-y-4" data-testid="form-done">
        <p className="font-medium">End of the preview: a client would now see that the form is signed and sent.</p>
        <Button type="button" variant="secondary" onClick={() => (submit.reset(), fields.reset(EMPTY), go(0))}>
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
      onSubmit={(e) => void fields.handleSubmit((v) => (last ? submit.mutate(v) : go(step + 1)))(e)}
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
          <Controller
            key={q.id}
            control={fields.control}
            name={`answers.${q.id}`}
            render={({ field, fieldState }) => (
              <QuestionInput q={q} value={field.value} error={fieldState.error?.message} onChange={field.onChange} />
            )}
          />
        ))}
      {signatureQuestion ? (
        <Controller
          control={fields.control}
          name="signature"
          render={({ field }) => (
            <SignatureField
              label={signatureQuestion.label}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                // A new stroke or name answers the last refusal: its message goes until the next send.
                fields.clearErrors("signature");
              }}
              errors={signatureErrors}
            />
          )}
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
