"use client";
import "@/app/_lib/zod-browser";
import { Dialog } from "radix-ui";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops, applyFieldErrors, ApiError } from "@/app/_lib/api-client";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { takePaymentForm, type TakePaymentValues } from "@/lib/billing/forms";
import { minorToDecimalString, parseMajorToMinor } from "@/lib/billing/rules/money";
import { PAYMENT_METHOD_LABEL } from "@/lib/billing/rules/constants";
import type { PaymentDto } from "@/lib/billing/payment-schemas";
import { useMoney } from "./money";
import { billingKeys } from "@/app/_lib/queries/billing";

const METHODS = ["cash", "card", "bank_transfer", "insurer"] as const;

/**
 * "Take payment": one dialog from the invoice, the client's account or the appointment. The
 * amount starts at what is due; less is a part payment, more goes on the client's account.
 */
export function TakePayment({
  clientId,
  currency,
  dueMinor,
  invoiceId,
  label = "Take payment",
  onPaid,
}: {
  clientId: string;
  currency: string;
  dueMinor: number;
  invoiceId?: string;
  label?: string;
  onPaid?: (p: PaymentDto) => void;
}) {
  const [open, setOpen] = useState(false);
  const money = useMoney(currency);
  const qc = useQueryClient();
  const schema = takePaymentForm(currency);
  const form = useForm<TakePaymentValues>({
    resolver: zodResolver(schema),
    defaultValues: {
      method: "card",
      amount: minorToDecimalString(Math.max(dueMinor, 0), currency),
      reference: "",
      payerName: "",
    },
  });
  const method = useWatch({ control: form.control, name: "method" });
  const pay = useMutation({
    mutationFn: (v: TakePaymentValues) => {
      const amountMinor = parseMajorToMinor(v.amount, currency)!;
      // Taken for an invoice: it gets up to its balance; anything beyond is account credit.
      const toThis = invoiceId ? Math.min(amountMinor, dueMinor) : 0;
      return call(ops.recordPayment, {
        body: {
          clientId,
          method: v.method,
          amountMinor,
          reference: v.reference,
          payerName: v.payerName,
          ...(invoiceId && toThis > 0 ? { allocations: [{ invoiceId, amountMinor: toThis }] } : {}),
        },
      });
    },
    onSuccess: (p) => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      setOpen(false);
      onPaid?.(p);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.fieldErrors.amountMinor)
        form.setError("amount", { message: err.fieldErrors.amountMinor[0]! });
      else applyFieldErrors(err, form.setError);
    },
  });
  const typedText = useWatch({ control: form.control, name: "amount" });
  const typed = parseMajorToMinor(typedText ?? "", currency) ?? 0;
  return (
    <Dialog.Root
      open={open}
      onOpenChange={(o) => {
        // Each opening starts from what is due now (a part payment just changed it).
        if (o)
          form.reset({
            method: "card",
            amount: minorToDecimalString(Math.max(dueMinor, 0), currency),
            reference: "",
            payerName: "",
          });
        setOpen(o);
      }}
    >
      <Dialog.Trigger asChild>
        <Button>{label}</Button>
      </Dialog.Trigger>
      <Dialog.Portal>
        {/* z-50 like the appointment dialog it may open from: later in the page, so it stacks on top. */}
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/30" />
        <Dialog.Content className="fixed z-50 left-1/2 top-1/2 max-h-[90dvh] w-[min(30rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-ink">Take payment</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-muted">
            {dueMinor > 0
              ? `Due now: ${money(dueMinor)}.`
              : "Nothing is due: the payment goes on the client's account."}
          </Dialog.Description>
          <form className="mt-4 space-y-4" noValidate onSubmit={form.handleSubmit((v) => pay.mutate(v))}>
            {pay.error && !(pay.error instanceof ApiError && Object.keys(pay.error.fieldErrors).length) ? (
              <Notice tone="danger">{pay.error.message}</Notice>
            ) : null}
            <SelectField label="Method" error={form.formState.errors.method?.message} {...form.register("method")}>
              {METHODS.map((m) => (
                <option key={m} value={m}>
                  {PAYMENT_METHOD_LABEL[m]}
                </option>
              ))}
            </SelectField>
            <Field
              label={`Amount (${currency})`}
              inputMode="decimal"
              autoComplete="off"
              error={form.formState.errors.amount?.message}
              hint={
                typed > dueMinor && dueMinor >= 0
                  ? `${money(typed - Math.max(dueMinor, 0))} more than due goes on the client's account.`
                  : typed > 0 && typed < dueMinor
                    ? `Part payment: ${money(dueMinor - typed)} will still be due.`
                    : undefined
              }
              {...form.register("amount")}
            />
            {method === "insurer" ? (
              <Field
                label="Insurer or health fund"
                error={form.formState.errors.payerName?.message}
                {...form.register("payerName")}
              />
            ) : null}
            <Field
              label="Reference (optional)"
              hint={method === "card" ? "The terminal's receipt number." : undefined}
              error={form.formState.errors.reference?.message}
              {...form.register("reference")}
            />
            <div className="flex justify-end gap-2">
              <Dialog.Close className={buttonClass("secondary")}>Cancel</Dialog.Close>
              <Button type="submit" busy={pay.isPending}>
                Record payment
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
