"use client";
import Link from "next/link";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { DataTable } from "@/app/_components/ui/data-table";
import { EmptyState } from "@/app/_components/ui/feedback";
import { InvoiceStatusBadge, Money } from "@/app/_components/billing/money";
import type { InvoiceSummary } from "@/lib/billing/schemas";

const EMPTY: Record<string, string> = {
  unpaid: "Nothing is owed. Invoices appear here once issued until they are paid.",
  draft: "No drafts. Invoice a completed appointment from the calendar or the client's Account tab.",
  paid: "No paid invoices yet.",
  all: "No invoices yet. Invoice a completed appointment from the calendar or the client's Account tab.",
};

export function InvoiceList({ invoices, filter }: { invoices: InvoiceSummary[]; filter: string }) {
  const f = useClinicFormat();
  if (invoices.length === 0) return <EmptyState title="No invoices here">{EMPTY[filter]}</EmptyState>;
  return (
    <DataTable
      caption="Invoices"
      rows={invoices}
      rowKey={(i) => i.id}
      columns={[
        {
          header: "Number",
          cell: (i) => (
            <Link href={`/billing/invoices/${i.id}`} className="font-medium text-accent-700 underline">
              {i.number ?? "Draft"}
            </Link>
          ),
        },
        { header: "Client", cell: (i) => i.clientName },
        { header: "Issued", cell: (i) => (i.issueDate ? f.day(i.issueDate, "date") : "—") },
        { header: "Status", cell: (i) => <InvoiceStatusBadge status={i.status} kind={i.kind} /> },
        { header: "Total", className: "text-right", cell: (i) => <Money minor={i.totalMinor} currency={i.currency} /> },
        {
          header: "Balance",
          className: "text-right",
          cell: (i) => <Money minor={i.balanceMinor} currency={i.currency} />,
        },
      ]}
    />
  );
}
