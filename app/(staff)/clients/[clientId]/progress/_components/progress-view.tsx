"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import dynamic from "next/dynamic";
import Link from "next/link";
import type { ReactNode } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import { progressPagesQuery } from "@/app/_lib/queries/pain";
import { mergeProgressPages } from "@/app/_lib/pain-series";
import { Button, ButtonLink, buttonClass } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { ComplaintProgressCard } from "./complaint-progress";
import { EarlierScores } from "./earlier-scores";
import "@/app/_components/print/a4.css";
import "./print.css";
import { hrefFor, ops } from "@/app/_lib/api-client";

// recharts (~100 KB gzip) loads as its own chunk after the page's first JavaScript; the chart is
// still rendered on the server, so its caption and table are in the HTML from the start (issue 16).
const TendernessChart = dynamic(() => import("./tenderness-chart").then((m) => m.TendernessChart));

/** A client's pain progress: one section per complaint, the tenderness trend, CSV and print. */
export function ProgressView({
  initial,
  timeZone,
  clinicName,
  preparedBy,
  adherence,
}: {
  initial: ProgressDto;
  timeZone: string;
  clinicName: string;
  preparedBy: string;
  /** Home-programme adherence beside pain, when the client has both (rendered by the page). */
  adherence?: ReactNode;
}) {
  const q = useInfiniteQuery({
    ...progressPagesQuery(initial.clientId),
    initialData: { pages: [initial], pageParams: [null] },
  });
  const p = mergeProgressPages(q.data.pages);
  const today = useClinicFormat().at(new Date(), "dateLong");
  const open = p.complaints.filter((c) => c.status === "open");
  const resolved = p.complaints.filter((c) => c.status === "resolved");
  const tenderness = p.tenderness.filter((t) => t.meanTenderness !== null || t.activePoints > 0);

  return (
    <article className="progress-report space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4 print:block print:border-b print:border-stone-400 print:pb-3">
        <div>
          <Link
            href={`/clients/${p.clientId}`}
            className="no-print text-sm text-accent-700 underline-offset-2 hover:underline"
          >
            ← {p.clientName}
          </Link>
          <p className="hidden text-sm text-muted print:block">{clinicName} · Pain progress report</p>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">
            <span className="print:hidden">Progress · </span>
            {p.clientName}
          </h1>
          <p className="text-sm text-muted">
            Pain on the NPRS (0 = no pain, 10 = worst imaginable) at visits and in the client&rsquo;s diary.
            <span className="hidden print:inline">
              {" "}
              Prepared {today} by {preparedBy}.
            </span>
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          <a
            href={hrefFor(ops.getProgressCsv, { params: { clientId: p.clientId } })}
            download
            className={buttonClass("secondary")}
          >
            Download CSV
          </a>
          <Button type="button" onClick={() => window.print()} disabled={p.complaints.length === 0}>
            Print report
          </Button>
        </div>
      </header>
      <EarlierScores
        from={p.window.from}
        hasEarlier={q.hasNextPage}
        expanded={q.data.pages.length > 1}
        loading={q.isFetchingNextPage}
        failed={q.isFetchNextPageError}
        onShowEarlier={() => void q.fetchNextPage()}
      />
      {q.isError && !q.isFetchNextPageError ? (
        <div className="no-print">
          <Notice tone="danger">
            The latest scores did not load; showing what was loaded earlier.{" "}
            <button type="button" className="underline" onClick={() => q.refetch()}>
              Try again
            </button>
          </Notice>
        </div>
      ) : null}
      {p.complaints.length === 0 ? (
        <EmptyState
          title="No complaints recorded yet"
          action={
            <ButtonLink href={`/clients/${p.clientId}`} variant="secondary">
              Add a complaint on the client page
            </ButtonLink>
          }
        >
          Progress is tracked per complaint: add one, then score pain at each visit.
        </EmptyState>
      ) : null}
      {open.map((c) => (
        <ComplaintProgressCard key={c.id} c={c} />
      ))}
      {adherence}
      {tenderness.length > 0 ? (
        <section
          aria-labelledby="tenderness-heading"
          className="report-section space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none"
        >
          <h2 id="tenderness-heading" className="text-lg font-semibold text-ink">
            Trigger point findings
          </h2>
          <TendernessChart rows={tenderness} />
        </section>
      ) : null}
      {resolved.length > 0 ? (
        <>
          <h2 className="pt-2 text-base font-semibold text-muted">Resolved complaints</h2>
          {resolved.map((c) => (
            <ComplaintProgressCard key={c.id} c={c} />
          ))}
        </>
      ) : null}
      {p.complaints.length > 0 ? (
        <p className="text-xs text-muted">
          MCID: minimal clinically important difference. Baseline is the earliest score before treatment or in the
          diary; scores taken straight after treatment are shown but not used for change. Dates are in the
          clinic&rsquo;s time zone ({timeZone}).
        </p>
      ) : null}
    </article>
  );
}
