"use client";
import "@/app/_lib/zod-browser";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, hrefFor, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { InvoiceStatusBadge, Money } from "@/app/_components/billing/money";
import { TakePayment } from "@/app/_components/billing/take-payment";
import { EmailDocumentButton } from "@/app/_components/billing/email-document-button";
import { parseMajorToMinor } from "@/lib/billing/rules/money";
import { refundBody, type ClientAccount } from "@/lib/billing/payment-schemas";
import { typedAmount } from "@/lib/billing/forms";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";
import type { PackagePlanDto } from "@/lib/billing/package-schemas";
import { PackagesCard } from "./packages-card";

const KIND = { invoice: "Invoice", credit_note: "Credit note", payment: "Payment", refund: "Refund" } as const;

const refundForm = (currency: string) => refundBody.pick({ method: true }).extend({ amount: typedAmount(currency) });
type RefundValues = z.input<ReturnType<typeof refundForm>>;

/** Paying credit on account back: the amount is typed in major units and checked as the request will be. */
function RefundCredit({ clientId, currency }: { clientId: string; currency: string }) {
  const router = useRouter();
  const form = useForm<RefundValues>({
    resolver: zodResolver(refundForm(currency)),
    defaultValues: { amount: "", method: "card" },
  });
  const doRefund = useMutation({
    mutationFn: (v: RefundValues) =>
      call(ops.refundPayment, {
        body: { clientId, method: v.method, amountMinor: parseMajorToMinor(v.amount, currency) ?? -1 },
      }),
    onSuccess: () => {
      form.setValue("amount", "");
      router.refresh();
    },
    onError: (err) => {
      // The request names the amount in minor units; the form has it as typed.
      if (err instanceof ApiError && err.fieldErrors.amountMinor)
        form.setError("amount", { message: err.fieldErrors.amountMinor[0]! });
      else applyFieldErrors(err, form.setError);
    },
  });
  const e = form.formState.errors;
  return (
    <form
      className="mt-4 space-y-2 border-t border-line pt-4"
      noValidate
      onSubmit={form.handleSubmit((v) => doRefund.mutate(v))}
    >
      <h3 className="font-medium">Refund credit</h3>
      {doRefund.error ? <Notice tone="danger">{doRefund.error.message}</Notice> : null}
      <Field
        label={`Amount (${currency})`}
        inputMode="decimal"
        error={e.amount?.message}
        {...form.register("amount")}
      />
      <SelectField label="Paid back by" error={e.method?.message} {...form.register("method")}>
        <option value="card">Card</option>
        <option value="cash">Cash</option>
        <option value="bank_transfer">Bank transfer</option>
      </SelectField>
      <Button type="submit" variant="secondary" busy={doRefund.isPending}>
        Refund
      </Button>
    </form>
  );
}

export function AccountView({ account: a, plans }: { account: ClientAccount; plans: PackagePlanDto[] }) {
  const router = useRouter();
  const f = useClinicFormat();
  const m = (minor: number) => <Money minor={minor} currency={a.currency} />;
  const newInvoice = useMutation({
    mutationFn: () => call(ops.createInvoice, { body: { clientId: a.clientId } }),
    onSuccess: (inv) => router.push(`/billing/invoices/${inv.id}`),
  });
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="Balance">
        <dl className="space-y-1">
          <div className="flex justify-between">
            <dt>Owing</dt>
            <dd data-testid="account-owing">{m(a.owingMinor)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>Credit on account</dt>
            <dd data-testid="account-credit">{m(a.creditMinor)}</dd>
          </div>
        </dl>
        <div className="mt-4 flex flex-wrap gap-2">
          <TakePayment
            clientId={a.clientId}
            currency={a.currency}
            dueMinor={a.owingMinor}
            onPaid={() => router.refresh()}
          />
          <Button variant="secondary" busy={newInvoice.isPending} onClick={() => newInvoice.mutate()}>
            New invoice
          </Button>
          <a
            className={buttonClass("ghost")}
            href={hrefFor(ops.clientStatementPdf, { params: { clientId: a.clientId } })}
          >
            Statement PDF
          </a>
          <EmailDocumentButton
            send={() => call(ops.emailStatement, { params: { clientId: a.clientId } })}
            what="statement"
            label="Email statement"
          />
        </div>
        {newInvoice.error ? <Notice tone="danger">{newInvoice.error.message}</Notice> : null}
        {a.creditMinor > 0 ? <RefundCredit clientId={a.clientId} currency={a.currency} /> : null}
      </Card>
      <Card title="Invoices" className="lg:col-span-2">
        {a.invoices.length === 0 ? (
          <EmptyState title="No invoices yet">Invoice a completed appointment, or start a new invoice here.</EmptyState>
        ) : (
          <ul className="divide-y divide-line" aria-label="Invoices">
            {a.invoices.map((i) => (
              <li key={i.id} className="flex min-h-12 flex-wrap items-center justify-between gap-2">
                <Link href={`/billing/invoices/${i.id}`} className="text-accent-700 underline">
                  {i.number ?? "Draft"}
                  {i.issueDate ? ` · ${f.day(i.issueDate, "date")}` : ""}
                </Link>
                <span className="flex items-center gap-2">
                  <InvoiceStatusBadge status={i.status} kind={i.kind} /> {m(i.totalMinor)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <PackagesCard clientId={a.clientId} currency={a.currency} packages={a.packages} plans={plans} />
      <Card title="Statement" className="lg:col-span-2">
        {a.entries.length === 0 ? (
          <EmptyState title="Nothing yet">Issued invoices, payments and refunds appear here.</EmptyState>
        ) : (
          <ScrollRegion label="Statement">
            <table className="w-full text-sm">
              <caption className="sr-only">Statement</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-1 text-left font-medium">
                    Date
                  </th>
                  <th scope="col" className="py-1 text-left font-medium">
                    Item
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Amount
                  </th>
                  <th scope="col" className="py-1 text-right font-medium">
                    Balance
                  </th>
                </tr>
              </thead>
              <tbody>
                {a.entries.map((e) => (
                  <tr key={e.id} className="border-t border-line">
                    <td className="py-1">{f.at(e.at, "date")}</td>
                    <td className="py-1">
                      {KIND[e.kind]} {e.reference}
                    </td>
                    <td className="py-1 text-right">{m(e.amountMinor)}</td>
                    <td className="py-1 text-right">{m(e.balanceMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>
    </div>
  );
}
