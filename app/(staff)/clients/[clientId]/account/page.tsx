import type { Metadata } from "next";
import Link from "next/link";
import { requireClientPage } from "@/lib/clients/require-client-page";
import { getDb } from "@/lib/server-db";
import { getClientAccount } from "@/lib/billing/account";
import { listPackagePlans } from "@/lib/billing/package-plans/list-package-plans";
import { PageHeader } from "@/app/_components/ui/layout";
import { AccountView } from "./account-view";

export const metadata: Metadata = { title: "Client account" };

/** The client's Account: balance, credit, invoices, statement, payments and refunds. */
export default async function ClientAccountPage({ params }: { params: Promise<{ clientId: string }> }) {
  const { actor, client } = await requireClientPage((await params).clientId, "billing.manage");
  const db = await getDb();
  const [account, plans] = await Promise.all([getClientAccount(db, actor, client.id), listPackagePlans(db, actor)]);
  return (
    <>
      <PageHeader
        title={`${account.clientName}: account`}
        description={
          <Link href={`/clients/${client.id}`} className="text-accent-700 underline">
            Back to the client record
          </Link>
        }
      />
      <AccountView account={account} plans={plans} />
    </>
  );
}
