"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { formatMoney } from "@/lib/billing/rules/money";
import { INVOICE_STATUS_LABEL, type InvoiceStatus } from "@/lib/billing/rules/constants";
import { Badge } from "@/app/_components/ui/feedback";

/** An amount in the clinic's locale, with tabular numerals so columns line up. */
export function Money({ minor, currency }: { minor: number; currency: string }) {
  const { locale } = useClinicFormat();
  return <span className="tabular-nums">{formatMoney(minor, currency, locale)}</span>;
}

export function useMoney(currency: string) {
  const { locale } = useClinicFormat();
  return (minor: number) => formatMoney(minor, currency, locale);
}

const TONE: Record<InvoiceStatus, "neutral" | "success" | "warning" | "danger"> = {
  draft: "neutral",
  issued: "warning",
  partly_paid: "warning",
  paid: "success",
  void: "neutral",
};

/** Status in words (never colour alone). */
export function InvoiceStatusBadge({ status, kind }: { status: InvoiceStatus; kind?: "invoice" | "credit_note" }) {
  if (kind === "credit_note") return <Badge>{status === "void" ? "Void credit note" : "Credit note"}</Badge>;
  return <Badge tone={TONE[status]}>{INVOICE_STATUS_LABEL[status]}</Badge>;
}
