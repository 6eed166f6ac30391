import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getBillingSettings } from "@/lib/billing/settings/get-billing-settings";
import { listTaxRates } from "@/lib/billing/catalogue/list-tax-rates";
import { listPackagePlans } from "@/lib/billing/package-plans/list-package-plans";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { PageHeader } from "@/app/_components/ui/layout";
import { PlanEditor } from "./plan-editor";

export const metadata: Metadata = { title: "Packages" };

/** Prepaid package plans: what the clinic sells as bundles of sessions. */
export default async function PackagePlansPage() {
  const actor = await requireActor({ permission: "billing.manage" });
  const db = await getDb();
  const [settings, rates, plans, types] = await Promise.all([
    getBillingSettings(db, actor),
    listTaxRates(db, actor),
    listPackagePlans(db, actor),
    listAppointmentTypes(db, actor),
  ]);
  return (
    <>
      <PageHeader
        title="Packages"
        description={
          <>
            Prepaid bundles of sessions (e.g. 5 treatments). Sell them from a client&apos;s account; completing a
            covered appointment draws one session.{" "}
            <Link href="/billing/settings" className="text-accent-700 underline">
              Billing settings
            </Link>
          </>
        }
      />
      <PlanEditor
        currency={settings.currency}
        plans={plans}
        rates={rates.filter((r) => !r.archived)}
        defaultTaxRateId={settings.defaultTaxRateId}
        types={types.filter((t) => !t.archived).map((t) => ({ id: t.id, name: t.name }))}
      />
    </>
  );
}
