import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientAccount } from "@/lib/billing/account";
import { MyInvoices } from "./my-invoices";

export const metadata: Metadata = { title: "Your invoices" };

/** The client's invoices and receipts, newest first, with what is still owed. */
export default async function PortalInvoicesPage() {
  const actor = await requireActor({ permission: "portal.self" });
  const account = await getClientAccount(await getDb(), actor, actor.clientId!);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-ink">Your invoices</h1>
      <MyInvoices account={account} />
    </div>
  );
}
