import type { Metadata } from "next";
import Link from "next/link";
import { requireInvoicePage } from "@/lib/billing/require-invoice-page";
import { listProducts } from "@/lib/billing/catalogue/list-products";
import { listTaxRates } from "@/lib/billing/catalogue/list-tax-rates";
import { InvoicePaper } from "@/app/_components/billing/invoice-paper";
import { InvoiceActions } from "../../_components/invoice-actions";
import { DraftEditor } from "../../_components/draft-editor";
import "@/app/_components/print/a4.css";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoiceId } = await params;
  const { actor, db, invoice } = await requireInvoicePage(invoiceId, "billing.manage");
  const [rates, products] =
    invoice.status === "draft" ? await Promise.all([listTaxRates(db, actor), listProducts(db, actor)]) : [[], []];
  return (
    <div className="space-y-4">
      <nav className="no-print text-sm" aria-label="Breadcrumb">
        <Link href="/billing" className="text-accent-700 underline">
          Billing
        </Link>{" "}
        ›{" "}
        <Link href={`/clients/${invoice.clientId}/account`} className="text-accent-700 underline">
          {invoice.clientName}&apos;s account
        </Link>
      </nav>
      <h1 className="sr-only">
        {invoice.kind === "credit_note" ? "Credit note" : "Invoice"} {invoice.number ?? "(draft)"}
      </h1>
      <InvoiceActions invoice={invoice} />
      {invoice.status === "draft" ? (
        <DraftEditor
          invoice={invoice}
          rates={rates.filter((r) => !r.archived)}
          products={products.filter((p) => !p.archived)}
        />
      ) : null}
      <InvoicePaper inv={invoice} />
    </div>
  );
}
