"use client";
import "@/app/_lib/zod-browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { changePasswordBody } from "@/lib/identity/session-schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { identityKeys } from "@/app/_lib/queries/identity";

type Values = z.input<typeof changePasswordBody>;

/** Changing the password keeps this browser signed in and signs out every other one. */
export function ChangePasswordForm() {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordBody),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });
  const change = useMutation({
    mutationFn: (v: Values) => call(ops.changePassword, { body: v }),
    onSuccess: () => {
      form.reset();
      void queryClient.invalidateQueries({ queryKey: identityKeys.sessions });
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const fieldless = change.error && !Object.keys((change.error as { fieldErrors?: object }).fieldErrors ?? {}).length;
  return (
    <Card title="Change password">
      <form className="space-y-4" noValidate onSubmit={form.handleSubmit((v) => change.mutate(v))}>
        {fieldless ? <Notice tone="danger">{change.error!.message}</Notice> : null}
        {change.data ? (
          <Notice tone="success" testId="password-changed">
            Password changed.{" "}
            {change.data.otherSessionsEnded === 1
              ? "1 other device was signed out."
              : `${change.data.otherSessionsEnded} other devices were signed out.`}
          </Notice>
        ) : null}
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          hint="At least 12 characters. Every other device will be signed out."
          error={form.formState.errors.newPassword?.message}
          {...form.register("newPassword")}
        />
        <Field
          label="Repeat the new password"
          type="password"
          autoComplete="new-password"
          error={form.formState.errors.confirmPassword?.message}
          {...form.register("confirmPassword")}
        />
        <Button type="submit" busy={change.isPending}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
