"use client";
import Link from "next/link";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { EmptyState } from "@/app/_components/ui/feedback";
import { InvoiceStatusBadge, Money } from "@/app/_components/billing/money";
import type { ClientAccount } from "@/lib/billing/payment-schemas";
import { PackageList } from "@/app/_components/billing/package-list";

export function MyInvoices({ account: a }: { account: ClientAccount }) {
  const f = useClinicFormat();
  return (
    <>
      <p className="rounded-lg border border-line bg-white p-4 text-base">
        {a.owingMinor > 0 ? (
          <>
            You owe{" "}
            <strong>
              <Money minor={a.owingMinor} currency={a.currency} />
            </strong>
            .
          </>
        ) : (
          "You owe nothing."
        )}
        {a.creditMinor > 0 ? (
          <>
            {" "}
            You have <Money minor={a.creditMinor} currency={a.currency} /> in credit.
          </>
        ) : null}
      </p>
      {a.packages.length ? (
        <section className="rounded-lg border border-line bg-white p-4" aria-labelledby="my-packages">
          <h2 id="my-packages" className="text-lg font-semibold text-ink">
            Your packages
          </h2>
          <PackageList packages={a.packages} />
        </section>
      ) : null}
      {a.invoices.length === 0 ? (
        <EmptyState title="No invoices yet">Your receipts appear here after your appointments.</EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="Invoices">
          {a.invoices.map((i) => (
            <li key={i.id}>
              <Link
                href={`/portal/invoices/${i.id}`}
                className="flex min-h-16 items-center justify-between gap-3 rounded-lg border border-line bg-white p-4"
              >
                <span>
                  <span className="block font-medium text-ink">
                    {i.kind === "credit_note" ? "Credit note" : i.status === "paid" ? "Receipt" : "Invoice"} {i.number}
                  </span>
                  <span className="text-sm text-muted">{i.issueDate ? f.day(i.issueDate, "date") : ""}</span>
                </span>
                <span className="flex flex-col items-end gap-1">
                  <Money minor={i.totalMinor} currency={i.currency} />
                  <InvoiceStatusBadge status={i.status} kind={i.kind} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
