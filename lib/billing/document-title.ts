import type { InvoiceDetail } from "./schemas";

/** The document's title as printed: a paid invoice doubles as the receipt an insurer asks for. */
export function documentTitle(inv: Pick<InvoiceDetail, "kind" | "status">): string {
  if (inv.kind === "credit_note") return "Credit note";
  if (inv.status === "paid") return "Receipt";
  if (inv.status === "draft") return "Draft invoice";
  return "Invoice";
}
