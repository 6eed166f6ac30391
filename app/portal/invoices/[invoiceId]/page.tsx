import type { Metadata } from "next";
import Link from "next/link";
import { requireInvoicePage } from "@/lib/billing/require-invoice-page";
import { InvoicePaper } from "@/app/_components/billing/invoice-paper";
import { buttonClass } from "@/app/_components/ui/button";
import { onlinePaymentsEnabled } from "@/lib/billing/online/provider";
import { PayNow } from "./pay-now";
import { hrefFor, ops } from "@/app/_lib/api-client";
import "@/app/_components/print/a4.css";

export const metadata: Metadata = { title: "Invoice" };

export default async function PortalInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const { invoice } = await requireInvoicePage((await params).invoiceId, "portal.self");
  const payable = invoice.kind === "invoice" && (invoice.status === "issued" || invoice.status === "partly_paid");
  return (
    <div className="space-y-4">
      <Link href="/portal/invoices" className="no-print text-accent-700 underline">
        Your invoices
      </Link>
      <h1 className="sr-only">{invoice.number}</h1>
      <div className="no-print flex flex-wrap gap-2">
        <a
          className={buttonClass("primary", "min-h-12 text-base")}
          href={hrefFor(ops.myInvoicePdf, { params: { myInvoiceId: invoice.id } })}
          download
        >
          Download PDF
        </a>
        {payable && onlinePaymentsEnabled() ? <PayNow invoiceId={invoice.id} /> : null}
      </div>
      <InvoicePaper inv={invoice} />
    </div>
  );
}
