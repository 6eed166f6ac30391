"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { completeResetBody } from "@/lib/identity/invitations/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { PASSWORD_MIN_LENGTH } from "@/lib/identity/password-rules";

export function CompleteResetForm({ token }: { token: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<z.input<typeof completeResetBody>>({
    resolver: zodResolver(completeResetBody),
    defaultValues: { token, password: "", confirmPassword: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call(ops.completePasswordReset, { body: values });
      router.replace("/signin?reset=done");
    } catch (err) {
      if (!applyFieldErrors(err, form.setError)) setError(err instanceof Error ? err.message : "Something went wrong.");
    }
  });
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Notice tone="danger">{error}</Notice> : null}
      {errors.token ? <Notice tone="danger">{errors.token.message}</Notice> : null}
      <Field
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Field
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" busy={isSubmitting} className="w-full">
        Save new password
      </Button>
    </form>
  );
}
