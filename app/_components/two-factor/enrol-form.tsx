"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

/** Scan (or type) the secret, then prove the app has it with a first code. */
export function EnrolForm({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const [code, setCode] = useState("");
  const codeRef = useRef<HTMLInputElement>(null);
  const setup = useMutation({ mutationFn: () => call(ops.startTwoFactorSetup) });
  const confirm = useMutation({
    mutationFn: () => call(ops.confirmTwoFactor, { body: { code } }),
    onSuccess: (r) => onEnrolled(r.recoveryCodes),
  });
  const start = setup.mutate;
  useEffect(() => start(), [start]);
  useEffect(() => {
    if (confirm.error) codeRef.current?.focus();
  }, [confirm.error]);

  if (setup.isPending || setup.isIdle) {
    return <p className="text-sm text-muted">Preparing a new key…</p>;
  }
  if (setup.error || !setup.data) {
    return (
      <div className="space-y-3">
        <Notice tone="danger">{setup.error?.message ?? "The key could not be made."}</Notice>
        <Button variant="secondary" onClick={() => setup.mutate()}>
          Try again
        </Button>
      </div>
    );
  }
  const grouped = setup.data.secret.match(/.{1,4}/g)!.join(" ");
  const fieldError =
    confirm.error instanceof ApiError ? (confirm.error.fieldErrors.code?.[0] ?? confirm.error.message) : undefined;
  return (
    <form
      className="space-y-4"
      aria-label="Set up two-factor sign-in"
      onSubmit={(e) => {
        e.preventDefault();
        confirm.mutate();
      }}
    >
      <ol className="list-decimal space-y-4 pl-5 text-sm text-ink">
        <li>
          <p>
            Open an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator,
            1Password or Aegis) and scan this code.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
          <img
            src={setup.data.qrDataUrl}
            width={200}
            height={200}
            alt="QR code holding your new two-factor key"
            className="mt-3 rounded-md border border-line bg-white"
          />
          <p className="mt-3">Can’t scan it? Type this key into the app instead:</p>
          <p className="mt-1 break-all rounded-md bg-stone-50 px-3 py-2 font-mono text-base" data-testid="totp-secret">
            {grouped}
          </p>
        </li>
        <li>
          <Field
            ref={codeRef}
            label="6-digit code from the app"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError}
            required
          />
        </li>
      </ol>
      <Button type="submit" busy={confirm.isPending}>
        Turn on two-factor sign-in
      </Button>
    </form>
  );
}
