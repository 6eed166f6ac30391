"use client";
import { Card } from "@/app/_components/ui/layout";
import { buttonClass } from "@/app/_components/ui/button";
import { DateField } from "@/app/_components/ui/date-time-field";
import { EmptyState } from "@/app/_components/ui/feedback";
import { DataTable } from "@/app/_components/ui/data-table";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Money } from "@/app/_components/billing/money";
import { PAYMENT_METHOD_LABEL } from "@/lib/billing/rules/constants";
import type { TakingsReport } from "@/lib/billing/reports/daily-takings";
import type { RevenueReport } from "@/lib/billing/reports/revenue-report";
import type { AgeingReport } from "@/lib/billing/ageing";
import { hrefFor, ops } from "@/app/_lib/api-client";
import { AgeingCard } from "./ageing-card";

export function ReportsView({
  takings,
  ageing,
  revenue,
}: {
  takings: TakingsReport;
  ageing: AgeingReport;
  revenue: RevenueReport;
}) {
  const f = useClinicFormat();
  const m = (minor: number, c: string) => <Money minor={minor} currency={c} />;
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card
        title={`Takings on ${f.day(takings.date, "date")}`}
        actions={
          <a className={buttonClass("ghost")} href={hrefFor(ops.takingsCsv, { query: { date: takings.date } })}>
            CSV
          </a>
        }
      >
        <form className="mb-4 flex items-end gap-2" method="get">
          <DateField label="Day" name="date" defaultValue={takings.date} />
          <button className={buttonClass("secondary")} type="submit">
            Show
          </button>
        </form>
        <table className="w-full text-sm" aria-label="Takings by method">
          <thead className="text-muted">
            <tr>
              <th scope="col" className="py-1 text-left font-medium">
                Method
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                In
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Refunded
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Net
              </th>
            </tr>
          </thead>
          <tbody>
            {takings.byMethod.map((r) => (
              <tr key={r.method} className="border-t border-line" data-testid={`takings-${r.method}`}>
                <th scope="row" className="py-1 text-left font-normal">
                  {PAYMENT_METHOD_LABEL[r.method as keyof typeof PAYMENT_METHOD_LABEL]}
                </th>
                <td className="py-1 text-right">{m(r.receivedMinor, takings.currency)}</td>
                <td className="py-1 text-right">{m(r.refundedMinor, takings.currency)}</td>
                <td className="py-1 text-right">{m(r.netMinor, takings.currency)}</td>
              </tr>
            ))}
            <tr className="border-t-2 border-ink font-semibold" data-testid="takings-total">
              <th scope="row" className="py-1 text-left">
                Total
              </th>
              <td className="py-1 text-right">{m(takings.total.receivedMinor, takings.currency)}</td>
              <td className="py-1 text-right">{m(takings.total.refundedMinor, takings.currency)}</td>
              <td className="py-1 text-right">{m(takings.total.netMinor, takings.currency)}</td>
            </tr>
          </tbody>
        </table>
      </Card>
      <AgeingCard initial={ageing} />
      <Card
        title={`Revenue ${f.day(revenue.from, "date")} – ${f.day(revenue.to, "date")}`}
        className="lg:col-span-2"
        actions={
          <span className="flex gap-2">
            <a
              className={buttonClass("ghost")}
              href={hrefFor(ops.revenueCsv, { query: { from: revenue.from, to: revenue.to } })}
            >
              CSV
            </a>
            <a
              className={buttonClass("ghost")}
              href={hrefFor(ops.ledgerCsv, { query: { from: revenue.from, to: revenue.to } })}
            >
              Invoices CSV
            </a>
          </span>
        }
      >
        <form className="mb-4 flex flex-wrap items-end gap-2" method="get">
          <DateField label="From" name="from" defaultValue={revenue.from} />
          <DateField label="To" name="to" defaultValue={revenue.to} />
          <button className={buttonClass("secondary")} type="submit">
            Show
          </button>
        </form>
        {revenue.items.length === 0 ? (
          <EmptyState title="No revenue in this period">Issued invoices appear here by their issue date.</EmptyState>
        ) : (
          <DataTable
            caption="Revenue by therapist and type"
            rows={revenue.items}
            rowKey={(r) => `${r.therapist}|${r.type}`}
            columns={[
              { header: "Therapist", cell: (r) => r.therapist },
              { header: "Type", cell: (r) => r.type },
              { header: "Before tax", className: "text-right", cell: (r) => m(r.netMinor, revenue.currency) },
              { header: "Tax", className: "text-right", cell: (r) => m(r.taxMinor, revenue.currency) },
            ]}
          />
        )}
      </Card>
    </div>
  );
}
