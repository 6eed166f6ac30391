"use client";
import "@/app/_lib/zod-browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import type { z } from "zod";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { CheckboxGroup } from "@/app/_components/scheduling/checkbox-group";
import { Money } from "@/app/_components/billing/money";
import { minorToDecimalString, parseMajorToMinor } from "@/lib/billing/rules/money";
import { packagePlanForm, type PackagePlanDto } from "@/lib/billing/package-schemas";

type Schema = ReturnType<typeof packagePlanForm>;
type Values = z.input<Schema>;
type Output = z.output<Schema>;

/** The plan list with archive / restore, and one form that creates a plan or edits the chosen one. */
export function PlanEditor({
  currency,
  plans,
  rates,
  defaultTaxRateId,
  types,
}: {
  currency: string;
  plans: PackagePlanDto[];
  rates: { id: string; name: string }[];
  defaultTaxRateId: string | null;
  types: { id: string; name: string }[];
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<PackagePlanDto | null>(null);
  const [saved, setSaved] = useState("");
  const blank: Values = {
    name: "",
    sessions: "5",
    typeIds: [],
    price: "",
    taxRateId: defaultTaxRateId ?? "",
    validityDays: "180",
  };
  const form = useForm<Values, unknown, Output>({
    resolver: zodResolver(packagePlanForm((v) => parseMajorToMinor(v, currency))),
    defaultValues: blank,
  });
  const errors = form.formState.errors;
  const save = useMutation({
    mutationFn: (v: Output) => {
      const body = {
        name: v.name,
        sessions: v.sessions,
        typeIds: v.typeIds,
        priceMinor: parseMajorToMinor(v.price, currency)!,
        taxRateId: v.taxRateId || null,
        validityDays: v.validityDays,
      };
      return editing
        ? call(ops.updatePackagePlan, { params: { planId: editing.id }, body: { ...body, version: editing.version } })
        : call(ops.createPackagePlan, { body });
    },
    onSuccess: (p) => {
      setSaved(`Saved “${p.name}”.`);
      setEditing(null);
      form.reset(blank);
      router.refresh();
    },
    onError: (err) => {
      const e = err as { fieldErrors?: Record<string, string[]> };
      if (e.fieldErrors?.priceMinor) form.setError("price", { message: e.fieldErrors.priceMinor[0]! });
      applyFieldErrors(err, form.setError);
    },
  });
  const archive = useMutation({
    mutationFn: (p: PackagePlanDto) =>
      call(ops.updatePackagePlan, { params: { planId: p.id }, body: { archived: !p.archived, version: p.version } }),
    onSuccess: () => router.refresh(),
  });
  const edit = (p: PackagePlanDto) => {
    setEditing(p);
    setSaved("");
    form.reset({
      name: p.name,
      sessions: String(p.sessions),
      typeIds: p.typeIds,
      price: minorToDecimalString(p.priceMinor, currency),
      taxRateId: p.taxRateId ?? "",
      validityDays: String(p.validityDays),
    });
    form.setFocus("name");
  };
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Package plans">
        {archive.error ? <Notice tone="danger">{archive.error.message}</Notice> : null}
        {plans.length === 0 ? (
          <EmptyState title="No packages yet">
            Add a plan such as “5 treatments” with its price and validity.
          </EmptyState>
        ) : (
          <ul className="divide-y divide-line" aria-label="Package plans">
            {plans.map((p) => (
              <li key={p.id} className="flex min-h-12 flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{p.name}</span> · {p.sessions} sessions ·{" "}
                  <Money minor={p.priceMinor} currency={currency} /> · {p.validityDays} days
                  <span className="block text-sm text-muted">Covers {p.typeNames.join(", ")}</span>
                  {p.archived ? <Badge>Archived</Badge> : null}
                </span>
                <span className="flex gap-1">
                  <Button variant="ghost" onClick={() => edit(p)} aria-label={`Edit ${p.name}`}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    busy={archive.isPending && archive.variables?.id === p.id}
                    onClick={() => archive.mutate(p)}
                    aria-label={`${p.archived ? "Restore" : "Archive"} ${p.name}`}
                  >
                    {p.archived ? "Restore" : "Archive"}
                  </Button>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={editing ? `Edit “${editing.name}”` : "New package plan"}>
        <form className="space-y-3" noValidate onSubmit={form.handleSubmit((v) => save.mutate(v))}>
          {saved ? <Notice tone="success">{saved}</Notice> : null}
          {save.error && !Object.keys(errors).length ? <Notice tone="danger">{save.error.message}</Notice> : null}
          <Field label="Name" error={errors.name?.message} {...form.register("name")} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field
              label="Sessions"
              inputMode="numeric"
              error={errors.sessions?.message}
              {...form.register("sessions")}
            />
            <Field
              label="Valid for (days)"
              inputMode="numeric"
              hint="Counted from the day of sale; the last day is included."
              error={errors.validityDays?.message}
              {...form.register("validityDays")}
            />
            <Field
              label={`Price (${currency})`}
              inputMode="decimal"
              error={errors.price?.message}
              {...form.register("price")}
            />
            <SelectField label="Tax" error={errors.taxRateId?.message} {...form.register("taxRateId")}>
              <option value="">No tax</option>
              {rates.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          </div>
          <Controller
            control={form.control}
            name="typeIds"
            render={({ field, fieldState }) => (
              <CheckboxGroup
                legend="Covers appointment types"
                options={types.map((t) => ({ value: t.id, label: t.name }))}
                values={field.value}
                onChange={field.onChange}
                error={fieldState.error?.message}
              />
            )}
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={save.isPending}>
              {editing ? "Save changes" : "Add plan"}
            </Button>
            {editing ? (
              <Button
                variant="secondary"
                onClick={() => {
                  setEditing(null);
                  form.reset(blank);
                }}
              >
                Cancel
              </Button>
            ) : null}
          </div>
        </form>
      </Card>
    </div>
  );
}
