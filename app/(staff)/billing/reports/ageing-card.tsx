"use client";
import Link from "next/link";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/layout";
import { Button, buttonClass } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { Money } from "@/app/_components/billing/money";
import { AGEING_BUCKETS } from "@/lib/billing/rules/dates";
import type { AgeingReport } from "@/lib/billing/ageing";
import { ageingReportQuery } from "@/app/_lib/queries/billing";
import { hrefFor, ops } from "@/app/_lib/api-client";

/**
 * Unpaid invoices by age: the bucket totals cover every unpaid invoice (summed on the server), the list
 * shows the oldest first one page at a time, and "Show more" fetches the next page after the last one shown.
 * A clinic with thousands of unpaid invoices used to get all of them in the page (issue 16).
 */
export function AgeingCard({ initial }: { initial: AgeingReport }) {
  const q = useInfiniteQuery({ ...ageingReportQuery(), initialData: { pages: [initial], pageParams: [null] } });
  const pages = q.data?.pages ?? [initial];
  const first = pages[0]!;
  const items = pages.flatMap((p) => p.items);
  const m = (minor: number) => <Money minor={minor} currency={first.currency} />;
  return (
    <Card
      title="Unpaid invoices by age"
      actions={
        <a className={buttonClass("ghost")} href={hrefFor(ops.ageingCsv)}>
          CSV
        </a>
      }
    >
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {AGEING_BUCKETS.map((b) => (
          <div key={b} className="rounded-md border border-line p-2">
            <dt className="text-sm text-muted">{b} days</dt>
            <dd className="font-semibold">{m(first.buckets[b].balanceMinor)}</dd>
            <dd className="text-sm text-muted">{first.buckets[b].count} invoices</dd>
          </div>
        ))}
      </dl>
      {items.length === 0 ? (
        <EmptyState title="Nothing unpaid">Every issued invoice is paid.</EmptyState>
      ) : (
        <>
          <ul className="mt-4 divide-y divide-line text-sm" aria-label="Unpaid invoices, oldest first">
            {items.map((i) => (
              <li key={i.id} className="flex min-h-10 items-center justify-between gap-2">
                <Link href={`/billing/invoices/${i.id}`} className="text-accent-700 underline">
                  {i.number} · {i.clientName}
                </Link>
                <span className="shrink-0">
                  {i.ageDays} days · {m(i.balanceMinor)}
                </span>
              </li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
            <span data-testid="ageing-shown">
              Showing {items.length} of {first.count} unpaid invoices.
            </span>
            {q.hasNextPage ? (
              <Button variant="secondary" busy={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
                Show more<span className="sr-only"> unpaid invoices</span>
              </Button>
            ) : null}
          </div>
          {q.isFetchNextPageError ? (
            <div className="mt-2">
              <Notice tone="danger">The next invoices did not load. Try Show more again.</Notice>
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
