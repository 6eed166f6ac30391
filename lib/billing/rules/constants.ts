/** Closed sets of billing, shared by the database schema, the API schemas and the UI. Pure. */
export const INVOICE_STATUSES = ["draft", "issued", "partly_paid", "paid", "void"] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const PAYMENT_METHODS = ["cash", "card", "bank_transfer", "insurer", "online"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const PAYMENT_METHOD_LABEL: Record<PaymentMethod, string> = {
  cash: "Cash",
  card: "Card (terminal)",
  bank_transfer: "Bank transfer",
  insurer: "Insurer / health fund",
  online: "Card online",
};

export const INVOICE_STATUS_LABEL: Record<InvoiceStatus, string> = {
  draft: "Draft",
  issued: "Unpaid",
  partly_paid: "Partly paid",
  paid: "Paid",
  void: "Void",
};
