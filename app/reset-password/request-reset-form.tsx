"use client";
import "@/app/_lib/zod-browser";
import Link from "next/link";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { requestResetBody } from "@/lib/identity/invitations/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";

export function RequestResetForm() {
  const form = useForm<z.input<typeof requestResetBody>>({
    resolver: zodResolver(requestResetBody),
    defaultValues: { email: "" },
  });
  const send = useMutation({
    mutationFn: (body: z.input<typeof requestResetBody>) => call(ops.requestPasswordReset, { body }),
  });
  if (send.isSuccess) {
    return (
      <div className="space-y-4">
        <Notice tone="success">{send.data.message} The link works once, for one hour.</Notice>
        <Link href="/signin" className="text-sm text-accent-700 underline">
          Back to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={form.handleSubmit((v) => send.mutate(v))} className="space-y-4" noValidate>
      {send.error ? <Notice tone="danger">{send.error.message}</Notice> : null}
      <Field
        label="Email"
        type="email"
        autoComplete="username"
        error={form.formState.errors.email?.message}
        {...form.register("email")}
      />
      <Button type="submit" busy={send.isPending} className="w-full">
        Email me a reset link
      </Button>
      <p className="text-center text-sm">
        <Link href="/signin" className="text-accent-700 underline underline-offset-2">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
