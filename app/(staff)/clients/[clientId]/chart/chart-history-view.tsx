"use client";

import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import type { PressureUnit } from "@/lib/clinical/rules/ppt";
import { useQuery } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";
import { useMemo, useState } from "react";
import type { ChartHistory } from "@/lib/clinical/chart-history";
import type { ChartView } from "@/lib/clinical/rules/types";
import { BodyChart, ChartLegend } from "@/app/_components/body-chart";
import { Card, PageHeader } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { chartHistoryQuery, HISTORY_VISITS } from "./chart-history-query";
import { asymmetryRows, chartLayers, historyUpTo, pointIdOfMark, stateCounts } from "./history-model";
import { VisitSlider } from "./visit-slider";
import { PointHistoryTable } from "./point-history-table";
import { Asymmetry } from "./asymmetry";
import { clientKeys } from "@/app/_lib/queries/clients";

const ALL_VIEWS: readonly ChartView[] = ["front", "back"];

/**
 * The client's body chart over time: a slider walks through the recent visits; the chart, the
 * per-point table and the left–right comparison all show the history up to the chosen visit.
 */
const REGION_VIEW = new Map(TEMPLATE_REGIONS.map(([id, view]) => [id, view]));
const regionView = (id: string) => REGION_VIEW.get(id);

export function ChartHistoryView({
  clientId,
  clientName,
  initial,
  pressureUnit,
}: {
  clientId: string;
  clientName: string;
  initial: ChartHistory;
  pressureUnit: PressureUnit;
}) {
  const query = useQuery({ ...chartHistoryQuery(clientId), initialData: initial });
  const history = query.data;
  const total = history.visits.length;
  // null = follow the latest visit, so a refetch that adds a visit moves the slider with it.
  const [chosen, setChosen] = useState<number | null>(null);
  const upTo = Math.min(chosen ?? total, total);
  const [selectedId, setSelectedId] = useState<string | null>(null);

  // Day and month are enough while every visit falls in one year; the year joins when they don't.
  const cf = useClinicFormat();
  const fmt = useMemo(() => {
    const years = new Set(history.visits.map((v) => cf.at(v.startedAt, "year")));
    const style = years.size > 1 ? "date" : "dayMonth";
    return (iso: string) => cf.at(iso, style);
  }, [history.visits, cf]);
  const fmtLong = useMemo(() => (iso: string) => cf.at(iso, "weekdayDate"), [cf]);
  const { visits, points } = useMemo(() => historyUpTo(history, upTo), [history, upTo]);
  const { marks, heat } = useMemo(() => chartLayers(points, fmt, selectedId), [points, fmt, selectedId]);
  const pairs = useMemo(() => asymmetryRows(points), [points]);
  // The client's own symptom layer: their weekly check-in nearest before the last visit shown.
  const checkIns = useQuery({
    queryKey: clientKeys.checkIns(clientId),
    queryFn: ({ signal }) => call(ops.listClientCheckIns, { params: { clientId }, signal }),
  });
  const lastShown = visits[visits.length - 1]?.startedAt.slice(0, 10);
  const checkIn = checkIns.data?.find((c) => !lastShown || c.weekStart <= lastShown) ?? null;
  const clientShading = (checkIn?.regions ?? [])
    .filter((r) => r.score > 0)
    .map((r) => ({ regionId: r.regionId, kind: "client" as const, score: r.score }));
  const counts = stateCounts(points);
  // Only the views this client has findings on (whole history, so the layout does not jump
  // while sliding): one large figure beats an empty second one.
  const views = ALL_VIEWS.filter(
    (v) =>
      history.points.some((p) => p.findings.some((f) => f.view === v)) ||
      clientShading.some((s) => regionView(s.regionId) === v),
  );

  const back = (
    <Link
      href={`/clients/${clientId}`}
      className="inline-flex min-h-11 items-center text-sm font-medium text-accent-700 hover:underline"
    >
      ← {clientName}
    </Link>
  );
  const refetchError = query.isError ? (
    <Notice tone="danger" title="The chart history could not be refreshed">
      Showing what was loaded earlier. {query.error.message}{" "}
      <button type="button" className="underline" onClick={() => void query.refetch()}>
        Try again
      </button>
    </Notice>
  ) : null;

  if (total === 0) {
    return (
      <div className="space-y-4">
        {back}
        <PageHeader title="Chart history" description={clientName} />
        {refetchError}
        <EmptyState
          title="No visits yet"
          action={
            <div className="flex flex-wrap justify-center gap-3">
              <ButtonLink href={`/clients/${clientId}`} variant="secondary">
                Back to {clientName}
              </ButtonLink>
              <ButtonLink href={`/clients/${clientId}/posture`} variant="secondary">
                Posture photos over time
              </ButtonLink>
            </div>
          }
        >
          The chart history fills in as visits are charted. Open a visit from the client&apos;s page to place the first
          trigger points.
        </EmptyState>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <div>
        {back}
        <PageHeader
          title="Chart history"
          description={`${clientName} · ${total === HISTORY_VISITS ? `the last ${total} visits (older visits not shown)` : `${total} visit${total === 1 ? "" : "s"}`}`}
          actions={
            <ButtonLink href={`/clients/${clientId}/posture`} variant="secondary">
              Posture photos over time
            </ButtonLink>
          }
        />
      </div>
      {refetchError}
      {/* Wide screens: the chart in a narrow column beside the numbers; otherwise stacked. */}
      <div className="grid items-start gap-6 xl:grid-cols-[24rem_minmax(0,1fr)]">
        <Card title="Body chart over time">
          <div className="space-y-4">
            <VisitSlider visits={history.visits} upTo={upTo} onChange={setChosen} formatDate={fmtLong} />
            <p className="tabular text-sm text-ink">
              At this visit: <strong>{counts.active}</strong> active, <strong>{counts.latent}</strong> latent
              {counts.resolved ? (
                <>
                  , <strong>{counts.resolved}</strong> resolved
                </>
              ) : null}{" "}
              · density from {visits.length === 1 ? "1 visit" : `${visits.length} visits`}
            </p>
            <div className="grid items-start gap-4 md:grid-cols-[minmax(0,19rem)_minmax(0,1fr)] xl:grid-cols-1">
              {points.length === 0 ? (
                <EmptyState title="No trigger points charted in these visits">
                  Findings placed at a visit appear here.
                </EmptyState>
              ) : (
                <BodyChart
                  views={views.length > 0 ? views : ALL_VIEWS}
                  marks={marks}
                  heat={heat}
                  regionShading={clientShading}
                  readOnly
                  onSelect={(id) => setSelectedId((cur) => (cur === pointIdOfMark(id) ? null : pointIdOfMark(id)))}
                  className={views.length === 1 ? "mx-auto w-full max-w-[19rem]" : "mx-auto w-full"}
                />
              )}
              {checkIn ? (
                <p className="text-sm text-muted">
                  Blue shading: the client&apos;s own check-in, week of {checkIn.weekStart}.
                </p>
              ) : null}
              <ChartLegend
                showHeat
                layout="column"
                ghostLabel="Earlier position, or a resolved point (ghost mark)"
                className="xl:border-t xl:border-line xl:pt-3"
              />
            </div>
          </div>
        </Card>
        <div className="space-y-6">
          <Card title="Per-point history">
            {points.length === 0 ? (
              <p className="text-sm text-muted">No trigger points were charted in the selected visits.</p>
            ) : (
              <PointHistoryTable
                points={points}
                fmt={fmt}
                selectedId={selectedId}
                onSelect={setSelectedId}
                pressureUnit={pressureUnit}
              />
            )}
          </Card>
          <Card title="Left–right asymmetry">
            <Asymmetry rows={pairs} fmt={fmt} pressureUnit={pressureUnit} />
          </Card>
        </div>
      </div>
    </div>
  );
}
