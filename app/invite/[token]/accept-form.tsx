"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "@/app/_lib/auth-client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { z } from "zod";
import { acceptInvitationBody } from "@/lib/identity/invitations/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { PASSWORD_MIN_LENGTH } from "@/lib/identity/password-rules";

type Values = z.input<typeof acceptInvitationBody>;

export function AcceptForm({ token, email, hasAccount }: { token: string; email: string; hasAccount: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Values>({
    resolver: zodResolver(acceptInvitationBody),
    defaultValues: { token, password: "", confirmPassword: "", ...(hasAccount ? {} : { name: "" }) },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const accepted = await call(ops.acceptInvitation, { body: values });
      const signedIn = await signIn("credentials", { email, password: values.password, redirect: false });
      if (!signedIn || signedIn.error) {
        router.replace("/signin");
        return;
      }
      await call(ops.selectClinic, { body: { clinicId: accepted.clinicId } });
      router.replace(accepted.home);
      router.refresh();
    } catch (err) {
      if (!applyFieldErrors(err, form.setError)) setError(err instanceof Error ? err.message : "Something went wrong.");
    }
  });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? (
        <Notice tone="danger" testId="accept-error">
          {error}
        </Notice>
      ) : null}
      {errors.token ? <Notice tone="danger">{errors.token.message}</Notice> : null}
      {hasAccount ? (
        <Notice>You already have a Knotwork login. Enter its password to add this clinic to it.</Notice>
      ) : (
        <Field label="Your name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      )}
      <Field
        label={hasAccount ? "Your password" : "Choose a password"}
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        hint={
          hasAccount ? undefined : `At least ${PASSWORD_MIN_LENGTH} characters. A short sentence is easy to remember.`
        }
        error={errors.password?.message}
        {...form.register("password")}
      />
      <Field
        label="Repeat the password"
        type="password"
        autoComplete={hasAccount ? "current-password" : "new-password"}
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <Button type="submit" busy={isSubmitting} className="w-full">
        {hasAccount ? "Join and sign in" : "Set password and sign in"}
      </Button>
    </form>
  );
}
