"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { clientFields } from "@/lib/clients/schemas";
import { Field } from "@/app/_components/ui/field";
import { FormDateField } from "@/app/_components/ui/form-date-time";
import { Button } from "@/app/_components/ui/button";
import { applyFieldErrors } from "@/app/_lib/api";

export type ClientFormValues = z.input<typeof clientFields>;
export type ClientFormOutput = z.output<typeof clientFields>;

/** The client details form, shared by "new client" and "edit"; validated by the same schema as the API. */
export function ClientForm({
  defaultValues,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  defaultValues?: Partial<ClientFormValues>;
  submitLabel: string;
  onSubmit: (values: ClientFormOutput) => Promise<void>;
  onCancel?: () => void;
}) {
  const form = useForm<ClientFormValues, unknown, ClientFormOutput>({
    resolver: zodResolver(clientFields),
    defaultValues: {
      firstName: "",
      lastName: "",
      preferredName: "",
      dateOfBirth: "",
      email: "",
      phone: "",
      ...defaultValues,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values);
    } catch (err) {
      if (!applyFieldErrors(err, form.setError)) throw err;
    }
  });
  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} className="grid gap-4 sm:grid-cols-2" noValidate>
      <Field label="First name" autoComplete="off" error={errors.firstName?.message} {...form.register("firstName")} />
      <Field label="Last name" autoComplete="off" error={errors.lastName?.message} {...form.register("lastName")} />
      <Field
        label="Preferred name (optional)"
        autoComplete="off"
        error={errors.preferredName?.message}
        {...form.register("preferredName")}
      />
      <FormDateField
        label="Date of birth (optional)"
        control={form.control}
        name="dateOfBirth"
        error={errors.dateOfBirth?.message}
      />
      <Field
        label="Email (optional)"
        type="email"
        autoComplete="off"
        error={errors.email?.message}
        {...form.register("email")}
      />
      <Field
        label="Phone (optional)"
        type="tel"
        autoComplete="off"
        error={errors.phone?.message}
        {...form.register("phone")}
      />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={isSubmitting}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
