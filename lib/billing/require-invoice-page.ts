import "server-only";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import type { Permission } from "@/lib/identity/permissions";
import { getDb } from "@/lib/server-db";
import { AppError } from "@/lib/errors";
import { getInvoice } from "./invoices/get-invoice";

/** For invoice pages: the actor (403 page without the permission) and the invoice (404 page otherwise). */
export async function requireInvoicePage(invoiceId: string, permission: Permission) {
  const actor = await requireActor({ permission });
  if (!/^[0-9a-f-]{36}$/i.test(invoiceId)) notFound();
  const db = await getDb();
  const invoice = await getInvoice(db, actor, invoiceId).catch((err) => {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  });
  return { actor, db, invoice };
}
