import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getBillingSettings } from "@/lib/billing/settings/get-billing-settings";
import { listRegistrations } from "@/lib/billing/settings/list-registrations";
import { listPrices } from "@/lib/billing/catalogue/list-prices";
import { listProducts } from "@/lib/billing/catalogue/list-products";
import { listTaxRates } from "@/lib/billing/catalogue/list-tax-rates";
import { listAppointmentTypes } from "@/lib/scheduling/setup/list-appointment-types";
import { PageHeader } from "@/app/_components/ui/layout";
import { BillingSettingsForm } from "./billing-settings-form";
import { CatalogueCards } from "./catalogue-cards";

export const metadata: Metadata = { title: "Billing settings" };

export default async function BillingSettingsPage() {
  const actor = await requireActor({ permission: "clinic.settings" });
  const db = await getDb();
  const [settings, rates, prices, products, types, registrations] = await Promise.all([
    getBillingSettings(db, actor),
    listTaxRates(db, actor),
    listPrices(db, actor),
    listProducts(db, actor),
    listAppointmentTypes(db, actor),
    listRegistrations(db, actor),
  ]);
  return (
    <>
      <PageHeader
        title="Billing settings"
        description={
          <>
            Currency, tax, the details printed on invoices, fees and products, and who may bill.{" "}
            <Link href="/billing/settings/packages" className="text-accent-700 underline">
              Packages
            </Link>
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <BillingSettingsForm initial={settings} rates={rates.filter((r) => !r.archived)} />
        <CatalogueCards
          currency={settings.currency}
          rates={rates}
          prices={prices}
          products={products}
          types={types.filter((t) => !t.archived).map((t) => ({ id: t.id, name: t.name }))}
          registrations={registrations}
        />
      </div>
    </>
  );
}
