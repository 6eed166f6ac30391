"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { ApiError, applyFieldErrors, call, ops, type ResponseOf } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { twoFactorProofBody } from "@/lib/identity/two-factor/schemas";

type Values = z.input<typeof twoFactorProofBody>;

/** The operations that ask for proof (both take twoFactorProofBody). */
type ProofOp = typeof ops.regenerateRecoveryCodes | typeof ops.disableTwoFactor;

/** Turning off or replacing codes asks again who you are: your password, or a current code. */
export function ProofForm<O extends ProofOp>({
  title,
  op,
  submitLabel,
  danger,
  onDone,
  onCancel,
}: {
  title: string;
  op: O;
  submitLabel: string;
  danger?: boolean;
  onDone: (result: ResponseOf<O>) => void;
  onCancel: () => void;
}) {
  const [useCode, setUseCode] = useState(false);
  // Only the shown field is kept (shouldUnregister), so the body holds the password or the code.
  const form = useForm<Values>({ resolver: zodResolver(twoFactorProofBody), shouldUnregister: true });
  const submit = useMutation({
    mutationFn: (body: Values) => call(op as ProofOp, { body }) as Promise<ResponseOf<O>>,
    onSuccess: onDone,
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const { setFocus } = form;
  useEffect(() => setFocus(useCode ? "code" : "password"), [useCode, setFocus]);
  const err = submit.error instanceof ApiError ? submit.error : null;
  const fieldError = form.formState.errors[useCode ? "code" : "password"]?.message;
  const serverFieldError = err?.fieldErrors[useCode ? "code" : "password"]?.[0];
  return (
    <form
      className="space-y-3 rounded-md border border-line p-4"
      aria-label={title}
      onSubmit={form.handleSubmit((v) => submit.mutate(v))}
    >
      <h3 className="text-base font-semibold">{title}</h3>
      {submit.error && !serverFieldError ? <Notice tone="danger">{submit.error.message}</Notice> : null}
      {useCode ? (
        <Field
          key="code"
          label="Code from your authenticator app (or a recovery code)"
          autoComplete="one-time-code"
          {...form.register("code")}
          error={fieldError}
          required
        />
      ) : (
        <Field
          key="password"
          label="Your password"
          type="password"
          autoComplete="current-password"
          {...form.register("password")}
          error={fieldError}
          required
        />
      )}
      <button
        type="button"
        className="text-sm text-accent-700 underline underline-offset-2"
        onClick={() => {
          setUseCode(!useCode);
          form.clearErrors();
          submit.reset();
        }}
      >
        {useCode ? "Use your password instead" : "Use a code instead"}
      </button>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant={danger ? "danger" : "primary"} busy={submit.isPending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
