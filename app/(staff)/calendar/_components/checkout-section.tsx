"use client";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { appointmentInvoiceQuery, billingKeys, invoiceAndIssue } from "@/app/_lib/queries/billing";
import { Button } from "@/app/_components/ui/button";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";
import { InvoiceStatusBadge, useMoney } from "@/app/_components/billing/money";
import { TakePayment } from "@/app/_components/billing/take-payment";
import type { InvoiceSummary } from "@/lib/billing/schemas";

const linkClass = "inline-flex min-h-11 items-center text-sm font-medium text-accent-700 underline underline-offset-2";

/**
 * Check-out in the appointment dialog (billing staff only): the appointment's invoice state and
 * the next step — invoice it in one click, take a full or part payment, or see it is paid —
 * without leaving the calendar. `focusOnReady` moves focus here once it has loaded (the
 * appointment was just marked completed: the front desk's next step is this one).
 */
export function CheckoutSection({ appointmentId, focusOnReady }: { appointmentId: string; focusOnReady: boolean }) {
  const qc = useQueryClient();
  const q = useQuery(appointmentInvoiceQuery(appointmentId));
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const refocus = () => requestAnimationFrame(() => heading.current?.focus());
  const issue = useMutation({
    mutationFn: () => invoiceAndIssue(appointmentId),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: billingKeys.all });
      refocus();
    },
  });
  useEffect(() => {
    if (focusOnReady && q.isSuccess && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [focusOnReady, q.isSuccess]);
  // A part payment leaves "Take payment" in place and the payment dialog returns focus to it;
  // once paid in full that button is gone, so focus goes to the heading rather than the page.
  const status = q.data?.invoice?.status;
  const lastStatus = useRef(status);
  useEffect(() => {
    if (status === "paid" && lastStatus.current && lastStatus.current !== "paid") heading.current?.focus();
    lastStatus.current = status;
  }, [status]);

  return (
    <section
      aria-labelledby="checkout-heading"
      className="mt-5 rounded-lg border border-line p-4"
      data-testid="checkout"
    >
      <h3 id="checkout-heading" ref={heading} tabIndex={-1} className="text-sm font-semibold text-ink outline-none">
        Check-out
      </h3>
      {q.isPending ? (
        <div role="status" aria-label="Loading the invoice" className="mt-2 space-y-2">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-11 w-40" />
        </div>
      ) : q.isError ? (
        <div className="mt-2 space-y-2">
          <Notice tone="danger">We could not load this appointment’s invoice. {q.error.message}</Notice>
          <Button variant="secondary" onClick={() => void q.refetch()}>
            Try again
          </Button>
        </div>
      ) : (
        <State
          invoice={q.data.invoice}
          issuing={issue.isPending}
          onIssue={() => issue.mutate()}
          onPaid={() => void qc.invalidateQueries({ queryKey: billingKeys.all })}
        />
      )}
      {issue.error ? (
        <div className="mt-2">
          <Notice tone="danger">{issue.error.message}</Notice>
        </div>
      ) : null}
    </section>
  );
}

function State({
  invoice: inv,
  issuing,
  onIssue,
  onPaid,
}: {
  invoice: InvoiceSummary | null;
  issuing: boolean;
  onIssue: () => void;
  onPaid: () => void;
}) {
  const money = useMoney(inv?.currency ?? "GBP");
  if (!inv) {
    return (
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <p className="text-sm text-muted">Not invoiced yet.</p>
        <Button busy={issuing} onClick={onIssue}>
          Invoice and issue
        </Button>
      </div>
    );
  }
  const link = (
    <Link href={`/billing/invoices/${inv.id}`} className={linkClass}>
      {inv.status === "draft" ? "Edit draft" : `Open ${inv.status === "paid" ? "receipt" : "invoice"} ${inv.number}`}
    </Link>
  );
  return (
    <div className="mt-2 space-y-3">
      <p className="tabular flex flex-wrap items-center gap-2 text-sm" data-testid="checkout-state">
        <InvoiceStatusBadge status={inv.status} />
        <span>
          {inv.status === "draft" ? "Draft invoice" : `Invoice ${inv.number}`} · total {money(inv.totalMinor)}
          {inv.allocatedMinor > 0 ? ` · paid ${money(inv.allocatedMinor)}` : ""}
          {inv.status === "issued" || inv.status === "partly_paid" ? ` · balance due ${money(inv.balanceMinor)}` : ""}
        </span>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        {inv.status === "draft" ? (
          <Button busy={issuing} onClick={onIssue}>
            Issue invoice
          </Button>
        ) : null}
        {inv.status === "issued" || inv.status === "partly_paid" ? (
          <TakePayment
            clientId={inv.clientId}
            currency={inv.currency}
            dueMinor={inv.balanceMinor}
            invoiceId={inv.id}
            onPaid={onPaid}
          />
        ) : null}
        {link}
      </div>
    </div>
  );
}
