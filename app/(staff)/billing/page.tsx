import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/identity/require-actor";
import { can } from "@/lib/identity/scopes";
import { getDb } from "@/lib/server-db";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";
import { PageHeader } from "@/app/_components/ui/layout";
import { buttonClass } from "@/app/_components/ui/button";
import { InvoiceList } from "./_components/invoice-list";

export const metadata: Metadata = { title: "Billing" };

const FILTERS = [
  { key: "unpaid", label: "Unpaid" },
  { key: "draft", label: "Drafts" },
  { key: "paid", label: "Paid" },
  { key: "all", label: "All" },
] as const;

/** Invoices by state; unpaid first because that is the front desk's daily list. */
export default async function BillingPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const actor = await requireActor({ permission: "billing.manage" });
  const { status: raw } = await searchParams;
  const filter = FILTERS.find((f) => f.key === raw)?.key ?? "unpaid";
  const db = await getDb();
  const invoices = await listInvoices(db, actor, {
    status: filter === "all" ? undefined : filter,
    limit: 200,
  });
  return (
    <>
      <PageHeader
        title="Billing"
        description="Invoices, payments and the day's takings."
        actions={
          <>
            <Link className={buttonClass("secondary")} href="/billing/reports">
              Reports
            </Link>
            {can(actor, "clinic.settings") ? (
              <Link className={buttonClass("secondary")} href="/billing/settings">
                Billing settings
              </Link>
            ) : null}
          </>
        }
      />
      <nav aria-label="Invoice filter" className="mb-4 flex flex-wrap gap-2">
        {FILTERS.map((f) => (
          <Link
            key={f.key}
            href={`/billing?status=${f.key}`}
            aria-current={f.key === filter ? "page" : undefined}
            className={buttonClass(f.key === filter ? "primary" : "ghost")}
          >
            {f.label}
          </Link>
        ))}
      </nav>
      <InvoiceList invoices={invoices} filter={filter} />
    </>
  );
}
