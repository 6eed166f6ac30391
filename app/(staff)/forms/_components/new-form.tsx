"use client";
import "@/app/_lib/zod-browser";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { Card } from "@/app/_components/ui/layout";
import { FORM_KINDS, newFormBody } from "@/lib/forms/definition";
import { FORM_KIND_LABELS } from "@/lib/forms/form-editor";

type Values = z.input<typeof newFormBody>;

/** Starts a blank form of the clinic's own (title and kind now), then opens it in the editor. */
export function NewForm() {
  const router = useRouter();
  const form = useForm<Values>({ resolver: zodResolver(newFormBody), defaultValues: { title: "", kind: "other" } });
  const create = useMutation({
    mutationFn: (body: Values) => call(ops.createFormTemplate, { body }),
    onSuccess: (t) => router.push(`/forms/${t.id}`),
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const { errors } = form.formState;
  return (
    <Card title="Start a blank form">
      <form
        noValidate
        aria-label="New form"
        className="grid items-start gap-4 sm:grid-cols-[2fr_1fr_auto]"
        onSubmit={form.handleSubmit((v) => create.mutate(v))}
      >
        <Field label="Title of the new form" error={errors.title?.message} {...form.register("title")} />
        <SelectField label="Kind of form" error={errors.kind?.message} {...form.register("kind")}>
          {FORM_KINDS.map((k) => (
            <option key={k} value={k}>
              {FORM_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <Button type="submit" className="sm:mt-6" busy={create.isPending || create.isSuccess}>
          New form
        </Button>
      </form>
      <p className="mt-2 text-sm text-muted">
        It opens in the editor to add sections and questions; clients can be sent it once it is saved.
      </p>
      {create.isError && !Object.keys((create.error as { fieldErrors?: object }).fieldErrors ?? {}).length ? (
        <Notice tone="danger">{create.error.message}</Notice>
      ) : null}
    </Card>
  );
}
