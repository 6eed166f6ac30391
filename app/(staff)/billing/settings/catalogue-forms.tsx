"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, type FieldPath, type FieldValues, type UseFormSetError } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { parseMajorToMinor } from "@/lib/billing/rules/money";
import { priceBody, productBody, registrationBody, taxRateBody } from "@/lib/billing/schemas";

/** One POST/PUT/PATCH then a refresh of the server-rendered lists; its error shows above the cards. */
export function useSave() {
  const router = useRouter();
  return useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => router.refresh(),
  });
}
type Save = ReturnType<typeof useSave>;
type Option = { id: string; name: string };

/** Typed text read as a number, then held to the body's own rule for that field, messages and all. */
const typed = (rule: z.ZodType<number>, read: (text: string) => number | null) =>
  z.string().transform((text, ctx) => {
    const checked = rule.safeParse(read(text) ?? Number.NaN);
    if (checked.success) return checked.data;
    ctx.addIssue({ code: "custom", message: checked.error.issues[0]!.message });
    return z.NEVER;
  });

/** Runs the save; the server's field errors land on the form's fields (`rename` maps body names to them). */
function submit<V extends FieldValues>(
  save: Save,
  setError: UseFormSetError<V>,
  run: () => Promise<unknown>,
  rename: Record<string, FieldPath<V>> = {},
) {
  save.mutate(run, {
    onError: (err) => applyFieldErrors(err, (name: string, e) => setError(rename[name] ?? (name as FieldPath<V>), e)),
  });
}

const noneIfEmpty = (v: string) => v || null;

const rateForm = taxRateBody
  .omit({ rateBp: true })
  .extend({ percent: typed(taxRateBody.shape.rateBp, (t) => (t.trim() ? Math.round(Number(t) * 100) : null)) });

export function TaxRateForm({ save }: { save: Save }) {
  const form = useForm<z.input<typeof rateForm>, unknown, z.output<typeof rateForm>>({
    resolver: zodResolver(rateForm),
    defaultValues: { name: "", percent: "" },
  });
  const e = form.formState.errors;
  return (
    <form
      className="mt-4 grid grid-cols-[1fr_8rem_auto] items-end gap-2"
      noValidate
      onSubmit={form.handleSubmit((v) =>
        submit(save, form.setError, () => call(ops.createTaxRate, { body: { name: v.name, rateBp: v.percent } }), {
          rateBp: "percent",
        }),
      )}
    >
      <Field label="Rate name" {...form.register("name")} error={e.name?.message} />
      <Field label="Percent" inputMode="decimal" {...form.register("percent")} error={e.percent?.message} />
      <Button type="submit" variant="secondary">
        Add rate
      </Button>
    </form>
  );
}

const feeForm = (currency: string) =>
  priceBody
    .pick({ typeId: true, taxRateId: true, procedureCode: true })
    .extend({ amount: typed(priceBody.shape.amountMinor, (t) => parseMajorToMinor(t, currency)) });

export function FeeForm({
  save,
  currency,
  types,
  rates,
}: {
  save: Save;
  currency: string;
  types: Option[];
  rates: Option[];
}) {
  const schema = feeForm(currency);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { typeId: types[0]?.id ?? "", amount: "", taxRateId: null, procedureCode: null },
  });
  const e = form.formState.errors;
  return (
    <form
      className="mt-4 grid gap-2 sm:grid-cols-2"
      noValidate
      onSubmit={form.handleSubmit(({ amount, ...v }) =>
        submit(
          save,
          form.setError,
          () => call(ops.setPrice, { body: { ...v, therapistUserId: null, amountMinor: amount } }),
          { amountMinor: "amount" },
        ),
      )}
    >
      <SelectField label="Appointment type" {...form.register("typeId")} error={e.typeId?.message}>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      <Field label={`Fee (${currency})`} inputMode="decimal" {...form.register("amount")} error={e.amount?.message} />
      <SelectField
        label="Tax"
        {...form.register("taxRateId", { setValueAs: noneIfEmpty })}
        error={e.taxRateId?.message}
      >
        <option value="">No tax</option>
        {rates.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <Field
        label="Procedure code (optional)"
        {...form.register("procedureCode", { setValueAs: noneIfEmpty })}
        error={e.procedureCode?.message}
      />
      <div>
        <Button type="submit" variant="secondary">
          Set fee
        </Button>
      </div>
    </form>
  );
}

const productForm = (currency: string) =>
  productBody
    .pick({ name: true, taxRateId: true })
    .extend({ amount: typed(productBody.shape.priceMinor, (t) => parseMajorToMinor(t, currency)) });

export function ProductForm({ save, currency, rates }: { save: Save; currency: string; rates: Option[] }) {
  const schema = productForm(currency);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: { name: "", amount: "", taxRateId: null },
  });
  const e = form.formState.errors;
  return (
    <form
      className="mt-4 grid gap-2 sm:grid-cols-3"
      noValidate
      onSubmit={form.handleSubmit(({ amount, ...v }) =>
        submit(save, form.setError, () => call(ops.createProduct, { body: { ...v, priceMinor: amount } }), {
          priceMinor: "amount",
        }),
      )}
    >
      <Field label="Product" {...form.register("name")} error={e.name?.message} />
      <Field label={`Price (${currency})`} inputMode="decimal" {...form.register("amount")} error={e.amount?.message} />
      <SelectField
        label="Tax"
        {...form.register("taxRateId", { setValueAs: noneIfEmpty })}
        error={e.taxRateId?.message}
      >
        <option value="">No tax</option>
        {rates.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
      </SelectField>
      <div>
        <Button type="submit" variant="secondary">
          Add product
        </Button>
      </div>
    </form>
  );
}

/** One therapist's registration number, saved on its own. */
export function RegistrationForm({
  save,
  registration: r,
}: {
  save: Save;
  registration: { userId: string; name: string; registrationNumber: string };
}) {
  const form = useForm<z.input<typeof registrationBody>, unknown, z.output<typeof registrationBody>>({
    resolver: zodResolver(registrationBody),
    defaultValues: { userId: r.userId, registrationNumber: r.registrationNumber },
  });
  return (
    <form
      className="flex items-end gap-2"
      noValidate
      onSubmit={form.handleSubmit((body) => submit(save, form.setError, () => call(ops.setRegistration, { body })))}
    >
      <Field
        label={r.name}
        {...form.register("registrationNumber")}
        error={form.formState.errors.registrationNumber?.message}
        className="flex-1"
      />
      <Button type="submit" variant="secondary">
        Save
      </Button>
    </form>
  );
}
