"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { call, hrefFor, ops } from "@/app/_lib/api-client";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { Field } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { TakePayment } from "@/app/_components/billing/take-payment";
import { EmailDocumentButton } from "@/app/_components/billing/email-document-button";
import { parseMajorToMinor } from "@/lib/billing/rules/money";
import type { InvoiceDetail } from "@/lib/billing/schemas";

/** What can be done to an invoice in its state: issue a draft; pay, void or credit an issued one. */
export function InvoiceActions({ invoice: inv }: { invoice: InvoiceDetail }) {
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [creditAmount, setCreditAmount] = useState("");
  const done = () => router.refresh();
  const params = { invoiceId: inv.id };
  // One mutation for every action, so one error notice and one busy state; `then` says where to go after.
  const act = useMutation({
    mutationFn: (a: { run: () => Promise<unknown>; then?: "open-result" | "list" }) => a.run(),
    onSuccess: (res, a) => {
      const id = (res as { id?: string } | undefined)?.id;
      if (a.then === "open-result" && id) router.push(`/billing/invoices/${id}`);
      else if (a.then === "list") router.push("/billing");
      else done();
    },
  });
  const open = inv.kind === "invoice" && (inv.status === "issued" || inv.status === "partly_paid");
  const creditable = inv.kind === "invoice" && inv.status !== "draft" && inv.status !== "void";
  return (
    <div className="no-print space-y-3">
      {act.error ? <Notice tone="danger">{act.error.message}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        {inv.status === "draft" ? (
          <>
            <Confirm
              trigger={<Button disabled={inv.lines.length === 0}>Issue invoice</Button>}
              title="Issue this invoice?"
              description="It gets the next number and can no longer be changed. Corrections are made with a credit note."
              confirmLabel="Issue"
              onConfirm={() =>
                act.mutate({ run: () => call(ops.issueInvoice, { params, body: { version: inv.version } }) })
              }
            />
            <Confirm
              trigger={<Button variant="ghost">Delete draft</Button>}
              title="Delete this draft?"
              description="Drafts have no number yet, so nothing is lost from the sequence."
              confirmLabel="Delete"
              danger
              onConfirm={() =>
                act.mutate({
                  run: () => call(ops.deleteInvoice, { params, query: { version: inv.version } }),
                  then: "list",
                })
              }
            />
          </>
        ) : null}
        {open ? (
          <>
            <TakePayment
              clientId={inv.clientId}
              currency={inv.currency}
              dueMinor={inv.balanceMinor}
              invoiceId={inv.id}
              onPaid={done}
            />
            <Button variant="secondary" onClick={() => act.mutate({ run: () => call(ops.applyCredit, { params }) })}>
              Use account credit
            </Button>
          </>
        ) : null}
        {inv.status !== "draft" ? (
          <>
            <a className={buttonClass("secondary")} href={hrefFor(ops.invoicePdf, { params: { invoiceId: inv.id } })}>
              Download PDF
            </a>
            <Button variant="ghost" onClick={() => window.print()}>
              Print
            </Button>
          </>
        ) : null}
        {inv.status !== "draft" && inv.status !== "void" ? (
          <EmailDocumentButton
            send={() => call(ops.emailInvoice, { params })}
            what={inv.kind === "credit_note" ? "credit note" : inv.status === "paid" ? "receipt" : "invoice"}
          />
        ) : null}
      </div>
      {creditable || (open && inv.allocatedMinor === 0) ? (
        <details className="rounded-lg border border-line bg-white p-4">
          <summary className="cursor-pointer font-medium">Correct this invoice</summary>
          <div className="mt-3 grid gap-3 sm:grid-cols-2">
            <Field label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
            <Field
              label={`Credit amount (${inv.currency}, empty = all)`}
              inputMode="decimal"
              value={creditAmount}
              onChange={(e) => setCreditAmount(e.target.value)}
            />
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            {creditable ? (
              <Button
                variant="secondary"
                onClick={() =>
                  act.mutate({
                    run: () =>
                      call(ops.creditInvoice, {
                        params,
                        body: {
                          reason,
                          ...(creditAmount ? { amountMinor: parseMajorToMinor(creditAmount, inv.currency) ?? -1 } : {}),
                        },
                      }),
                    then: "open-result",
                  })
                }
              >
                Issue credit note
              </Button>
            ) : null}
            {open && inv.allocatedMinor === 0 ? (
              <Button
                variant="danger"
                onClick={() =>
                  act.mutate({ run: () => call(ops.voidInvoice, { params, body: { version: inv.version, reason } }) })
                }
              >
                Void invoice
              </Button>
            ) : null}
          </div>
        </details>
      ) : null}
    </div>
  );
}
