"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, ops, applyFieldErrors, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { billingSettingsBody, type BillingSettingsDto } from "@/lib/billing/schemas";

type Values = z.input<typeof billingSettingsBody>;

export function BillingSettingsForm({
  initial,
  rates,
}: {
  initial: BillingSettingsDto;
  rates: { id: string; name: string }[];
}) {
  const router = useRouter();
  const { minorDigits: _digits, ...defaults } = initial;
  void _digits;
  const form = useForm<Values>({ resolver: zodResolver(billingSettingsBody), defaultValues: defaults });
  const save = useMutation({
    mutationFn: (v: z.output<typeof billingSettingsBody>) => call(ops.updateBillingSettings, { body: v }),
    onSuccess: (saved) => {
      form.reset({ ...form.getValues(), version: saved.version });
      router.refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const e = form.formState.errors;
  const fieldless = save.error && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length);
  return (
    <Card title="Invoicing">
      <form
        className="space-y-4"
        noValidate
        aria-label="Billing settings"
        onSubmit={form.handleSubmit((v) => save.mutate(v as z.output<typeof billingSettingsBody>))}
      >
        {save.isSuccess ? <Notice tone="success">Billing settings saved.</Notice> : null}
        {fieldless ? <Notice tone="danger">{save.error!.message}</Notice> : null}
        <Field
          label="Currency"
          hint="ISO 4217 code, e.g. GBP, EUR, AUD. It cannot change once invoices are issued."
          error={e.currency?.message}
          {...form.register("currency")}
        />
        <Field label="Business name on invoices" error={e.businessName?.message} {...form.register("businessName")} />
        <Field label="Business address" error={e.businessAddress?.message} {...form.register("businessAddress")} />
        <Field label="Tax number (VAT / ABN / GST)" error={e.taxNumber?.message} {...form.register("taxNumber")} />
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" {...form.register("pricesIncludeTax")} />
          Prices include tax
        </label>
        <SelectField
          label="Default tax rate"
          error={e.defaultTaxRateId?.message}
          {...form.register("defaultTaxRateId", { setValueAs: (v) => (v ? v : null) })}
        >
          <option value="">No tax</option>
          {rates.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
        <Field
          label="Payment terms (days)"
          type="number"
          error={e.paymentTermsDays?.message}
          {...form.register("paymentTermsDays", { valueAsNumber: true })}
        />
        <Field label="Invoice number prefix" error={e.invoicePrefix?.message} {...form.register("invoicePrefix")} />
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" {...form.register("autoInvoice")} />
          Draft the invoice automatically when an appointment is completed
        </label>
        <label className="flex min-h-11 items-center gap-2">
          <input type="checkbox" className="h-5 w-5" {...form.register("billingForTherapists")} />
          Therapists may bill (see amounts, invoice and take payments)
        </label>
        <Button type="submit" busy={save.isPending}>
          Save billing settings
        </Button>
      </form>
    </Card>
  );
}
