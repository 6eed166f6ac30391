"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { api, ApiError } from "@/app/_lib/api";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

/** Turning off or replacing codes asks again who you are: your password, or a current code. */
export function ProofForm<T>({
  title,
  path,
  submitLabel,
  danger,
  onDone,
  onCancel,
}: {
  title: string;
  path: string;
  submitLabel: string;
  danger?: boolean;
  onDone: (result: T) => void;
  onCancel: () => void;
}) {
  const [useCode, setUseCode] = useState(false);
  const [value, setValue] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);
  const submit = useMutation({
    mutationFn: () => api<T>(path, { method: "POST", body: useCode ? { code: value } : { password: value } }),
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
