"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { confirmTwoFactorBody } from "@/lib/identity/two-factor/schemas";

type Values = z.input<typeof confirmTwoFactorBody>;

/** Scan (or type) the secret, then prove the app has it with a first code. */
export function EnrolForm({ onEnrolled }: { onEnrolled: (codes: string[]) => void }) {
  const form = useForm<Values>({ resolver: zodResolver(confirmTwoFactorBody), defaultValues: { code: "" } });
  const setup = useMutation({ mutationFn: () => call(ops.startTwoFactorSetup) });
  const confirm = useMutation({
    mutationFn: (body: Values) => call(ops.confirmTwoFactor, { body }),
    onSuccess: (r) => onEnrolled(r.recoveryCodes),
    // A refusal without a field (a wrong code, say) is still about the code: shown beside it.
    onError: (err) => {
      if (!applyFieldErrors(err, form.setError)) form.setError("code", { message: err.message });
    },
  });
  const start = setup.mutate;
  useEffect(() => start(), [start]);
  const { setFocus } = form;
  useEffect(() => {
    if (confirm.error) setFocus("code");
  }, [confirm.error, setFocus]);

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
  return (
    <form
      className="space-y-4"
      aria-label="Set up two-factor sign-in"
      onSubmit={form.handleSubmit((v) => confirm.mutate(v))}
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
            label="6-digit code from the app"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            maxLength={7}
            {...form.register("code")}
            error={form.formState.errors.code?.message}
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
