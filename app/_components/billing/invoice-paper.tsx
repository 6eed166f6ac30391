"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { InvoiceDetail } from "@/lib/billing/schemas";
import { PAYMENT_METHOD_LABEL, type PaymentMethod } from "@/lib/billing/rules/constants";
import { InvoiceStatusBadge, Money } from "./money";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

function title(inv: InvoiceDetail) {
  if (inv.kind === "credit_note") return "Credit note";
  if (inv.status === "draft") return "Draft invoice";
  return inv.status === "paid" ? "Receipt" : "Invoice";
}

/**
 * The invoice as it reads on paper (clinic, therapist with registration number, client, date of
 * service, items, tax, total, paid, balance). The print stylesheet prints this and nothing else.
 */
export function InvoicePaper({ inv }: { inv: InvoiceDetail }) {
  const f = useClinicFormat();
  const m = (minor: number) => <Money minor={minor} currency={inv.currency} />;
  return (
    <article
      className="rounded-lg border border-line bg-white p-4 shadow-sm sm:p-8 print:border-0 print:p-0 print:shadow-none"
      aria-label={title(inv)}
    >
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-lg font-semibold text-ink">{inv.businessName || "—"}</p>
          <p className="whitespace-pre-line text-sm text-muted">{inv.businessAddress}</p>
          {inv.taxNumber ? <p className="text-sm text-muted">Tax number: {inv.taxNumber}</p> : null}
        </div>
        <div className="text-right">
          <h2 className="text-xl font-semibold text-ink">
            {title(inv)} {inv.number ?? ""}
          </h2>
          <p className="mt-1">
            <InvoiceStatusBadge status={inv.status} kind={inv.kind} />
          </p>
          <div className="mt-2 text-sm text-muted">
            {inv.issueDate ? <div>Issued {f.day(inv.issueDate, "date")}</div> : null}
            {inv.kind === "invoice" && inv.dueDate && (inv.status === "issued" || inv.status === "partly_paid") ? (
              <div>Due {f.day(inv.dueDate, "date")}</div>
            ) : null}
            {inv.creditsInvoiceNumber ? <div>Credits invoice {inv.creditsInvoiceNumber}</div> : null}
          </div>
        </div>
      </header>
      <div className="mt-6 grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <h3 className="font-medium text-ink">Client</h3>
          <p>{inv.clientName}</p>
          {inv.clientDateOfBirth ? <p className="text-muted">Born {f.day(inv.clientDateOfBirth, "date")}</p> : null}
        </div>
        <div>
          <h3 className="font-medium text-ink">Therapist</h3>
          <p>{inv.therapistName ?? "—"}</p>
          {inv.therapistRegistration ? <p className="text-muted">Registration {inv.therapistRegistration}</p> : null}
        </div>
        <div>
          <h3 className="font-medium text-ink">Date of service</h3>
          <p>{inv.serviceDate ? f.day(inv.serviceDate, "date") : "—"}</p>
          {inv.diagnosisCodes.length ? <p className="text-muted">ICD-10: {inv.diagnosisCodes.join(", ")}</p> : null}
        </div>
      </div>
      <ScrollRegion label="Items" className="mt-6">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Items</caption>
          <thead className="border-b border-line text-muted">
            <tr>
              <th scope="col" className="py-2 pr-1 font-medium sm:pr-2">
                Item
              </th>
              <th scope="col" className="px-1 py-2 text-right sm:px-2 font-medium">
                Qty
              </th>
              <th scope="col" className="px-1 py-2 text-right sm:px-2 font-medium">
                Price
              </th>
              <th scope="col" className="px-1 py-2 text-right sm:px-2 font-medium">
                Tax
              </th>
              <th scope="col" className="py-2 pl-1 text-right font-medium sm:pl-2">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {inv.lines.map((l) => (
              <tr key={l.id} className="border-b border-line last:border-0">
                <td className="py-2 pr-1 sm:pr-2">
                  {l.description}
                  {l.procedureCode ? <span className="text-muted"> · {l.procedureCode}</span> : null}
                  {l.discountBp ? <span className="text-muted"> · {l.discountBp / 100}% off</span> : null}
                </td>
                <td className="px-1 py-2 text-right sm:px-2 tabular-nums">{l.quantity}</td>
                <td className="px-1 py-2 text-right sm:px-2">{m(l.unitPriceMinor)}</td>
                <td className="px-1 py-2 text-right sm:px-2 tabular-nums">
                  {l.taxRateBp ? `${l.taxRateBp / 100}%` : "—"}
                </td>
                <td className="py-2 pl-1 text-right sm:pl-2">{m(l.totalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <dl className="ml-auto mt-4 max-w-xs space-y-1 text-sm">
        <div className="flex justify-between">
          <dt>{inv.taxInclusive ? "Before tax" : "Subtotal"}</dt>
          <dd>{m(inv.subtotalMinor)}</dd>
        </div>
        <div className="flex justify-between">
          <dt>Tax{inv.taxInclusive ? " (included)" : ""}</dt>
          <dd>{m(inv.taxMinor)}</dd>
        </div>
        <div className="flex justify-between font-semibold">
          <dt>Total</dt>
          <dd>{m(inv.totalMinor)}</dd>
        </div>
        {inv.kind === "invoice" && inv.status !== "draft" && inv.status !== "void" ? (
          <>
            <div className="flex justify-between">
              <dt>Paid</dt>
              <dd>{m(inv.allocatedMinor)}</dd>
            </div>
            <div className="flex justify-between font-semibold" data-testid="invoice-balance">
              <dt>Balance due</dt>
              <dd>{m(inv.balanceMinor)}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {inv.payments.length ? (
        <section className="mt-6 text-sm" aria-label="Payments">
          <h3 className="font-medium text-ink">{inv.kind === "invoice" ? "Payments" : "Applied to"}</h3>
          <ul className="mt-1 space-y-1">
            {inv.payments.map((p, i) => (
              <li key={i} className="flex justify-between gap-2">
                <span>
                  {f.at(p.at, "date")} ·{" "}
                  {p.creditNoteId ? "Credit note" : (PAYMENT_METHOD_LABEL[p.method as PaymentMethod] ?? p.method)}
                </span>
                {m(p.amountMinor)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {inv.notes ? <p className="mt-4 whitespace-pre-line text-sm">{inv.notes}</p> : null}
      {inv.voidReason ? <p className="mt-4 text-sm text-muted">Void: {inv.voidReason}</p> : null}
    </article>
  );
}
