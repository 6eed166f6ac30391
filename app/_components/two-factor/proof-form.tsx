"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ApiError, call, ops, type ResponseOf } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

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
  const [value, setValue] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = useMutation({
    mutationFn: () =>
      call(op as ProofOp, { body: useCode ? { code: value } : { password: value } }) as Promise<ResponseOf<O>>,
    onSuccess: onDone,
  });
  useEffect(() => inputRef.current?.focus(), [useCode]);
  const err = submit.error instanceof ApiError ? submit.error : null;
  const fieldError = err ? (err.fieldErrors[useCode ? "code" : "password"]?.[0] ?? undefined) : undefined;
  return (
    <form
      className="space-y-3 rounded-md border border-line p-4"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        submit.mutate();
      }}
    >
      <h3 className="text-base font-semibold">{title}</h3>
      {submit.error && !fieldError ? <Notice tone="danger">{submit.error.message}</Notice> : null}
      {useCode ? (
        <Field
          key="code"
          ref={inputRef}
          label="Code from your authenticator app (or a recovery code)"
          autoComplete="one-time-code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldError}
          required
        />
      ) : (
        <Field
          key="password"
          ref={inputRef}
          label="Your password"
          type="password"
          autoComplete="current-password"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          error={fieldError}
          required
        />
      )}
      <button
        type="button"
        className="text-sm text-accent-700 underline underline-offset-2"
        onClick={() => {
          setUseCode(!useCode);
          setValue("");
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
