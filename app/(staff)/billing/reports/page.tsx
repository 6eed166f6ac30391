import type { Metadata } from "next";
import Link from "next/link";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { dailyTakings } from "@/lib/billing/reports/daily-takings";
import { periodOf, todayFor } from "@/lib/billing/reports/period";
import { revenueReport } from "@/lib/billing/reports/revenue-report";
import { unpaidAgeing } from "@/lib/billing/ageing";
import { isoDate } from "@/lib/http/primitives";
import { PageHeader } from "@/app/_components/ui/layout";
import { ReportsView } from "./reports-view";

export const metadata: Metadata = { title: "Billing reports" };

const dateOr = (v: string | undefined, fallback: string) => (v && isoDate().safeParse(v).success ? v : fallback);

/** End-of-day takings, unpaid ageing and revenue, each with its CSV for the accountant. */
export default async function BillingReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ date?: string; from?: string; to?: string }>;
}) {
  const actor = await requireActor({ permission: "billing.manage" });
  const q = await searchParams;
  const db = await getDb();
  const date = dateOr(q.date, todayFor(actor));
  const period = periodOf(actor, {});
  const from = dateOr(q.from, period.from);
  const to = dateOr(q.to, period.to);
  const [takings, ageing, revenue] = await Promise.all([
    dailyTakings(db, actor, date),
    unpaidAgeing(db, actor),
    revenueReport(db, actor, from <= to ? from : to, to),
  ]);
  return (
    <>
      <PageHeader
        title="Billing reports"
        description={
          <Link href="/billing" className="text-accent-700 underline">
            Back to invoices
          </Link>
        }
      />
      <ReportsView takings={takings} ageing={ageing} revenue={revenue} />
    </>
  );
}
