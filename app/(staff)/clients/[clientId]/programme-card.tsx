"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { clientAdherenceQuery, clientProgrammesQuery, type ClientProgrammes } from "@/app/_lib/queries/programmes";
import { describeDosage } from "@/lib/programmes/dosage-words";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { Card } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { Badge, EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { AdherenceWeeks, percent } from "./programmes/_components/adherence-weeks";

type Summary = ClientProgrammes["programmes"][number];

/** The client's home programme: what is prescribed now, adherence this week and the four before, history. */
export function ProgrammeCard({
  clientId,
  canWrite,
  archived,
}: {
  clientId: string;
  canWrite: boolean;
  archived: boolean;
  timeZone: string;
}) {
  const f = useClinicFormat();
  const list = useQuery(clientProgrammesQuery(clientId));
  const adherence = useQuery(clientAdherenceQuery(clientId, 5));
  const wording = PROGRAMME_WORDING[list.data?.wording ?? "self_care"];
  const running = list.data?.programmes.filter((p) => p.status !== "ended") ?? [];
  const past = list.data?.programmes.filter((p) => p.status === "ended") ?? [];
  const newLink =
    canWrite && !archived ? (
      <ButtonLink href={`/clients/${clientId}/programmes/new`} variant="secondary">
        New programme
      </ButtonLink>
    ) : null;

  return (
    <Card title={wording.title} actions={newLink}>
      {list.isPending ? <ListSkeleton rows={3} label={`Loading ${wording.short}`} /> : null}
      {list.isError ? (
        <Notice tone="danger">
          The programme did not load.{" "}
          <button type="button" className="underline" onClick={() => list.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {list.data && running.length === 0 ? (
        <EmptyState title={`No ${wording.short} running`}>
          {canWrite && !archived
            ? "Prescribe a few exercises the client can do at home; suggestions come from their active trigger points."
            : "Nothing is prescribed at the moment."}
        </EmptyState>
      ) : null}
      <div className="space-y-5">
        {running.map((p) => (
          <RunningProgramme key={p.id} p={p} clientId={clientId} canRevise={canWrite && !archived} />
        ))}
        {adherence.data && running.length > 0 ? (
          <section aria-labelledby={`adherence-${clientId}`} className="space-y-2">
            <h3 id={`adherence-${clientId}`} className="text-sm font-semibold text-ink">
              Adherence · this week {percent(adherence.data.overall.weeks.at(-1)?.ratio ?? null)}
            </h3>
            <AdherenceWeeks
              weeks={adherence.data.overall.weeks.slice(-5)}
              thresholdPct={adherence.data.thresholdPct}
              today={adherence.data.today}
              caption="Sessions done per week, this week and the four before"
            />
            <p className="text-xs text-muted">
              Completed sessions over prescribed sessions, Monday to Sunday; the line marks the clinic&rsquo;s{" "}
              {adherence.data.thresholdPct}% threshold.
            </p>
          </section>
        ) : null}
        {adherence.isError ? <Notice tone="warning">Adherence did not load.</Notice> : null}
        {past.length > 0 ? (
          <section aria-label="Past programmes">
            <h3 className="text-sm font-semibold text-muted">Past programmes</h3>
            <ul className="mt-1 text-sm">
              {past.map((p) => (
                <li key={p.id}>
                  <Link
                    href={`/clients/${clientId}/programmes/${p.id}`}
                    className="inline-flex min-h-11 items-center text-accent-700 underline-offset-2 hover:underline"
                  >
                    {p.title}
                  </Link>
                  <span className="text-muted">
                    {" "}
                    · {f.day(p.firstStartDate, "date")} to{" "}
                    {p.current.lastDay ? f.day(p.current.lastDay, "date") : "ended"}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </Card>
  );
}

function RunningProgramme({ p, clientId, canRevise }: { p: Summary; clientId: string; canRevise: boolean }) {
  const f = useClinicFormat();
  const v = p.current;
  return (
    <article aria-label={p.title} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <h3 className="font-semibold text-ink">{p.title}</h3>
        {p.status === "scheduled" ? (
          <Badge tone="info">Starts {f.day(v.startDate, "date")}</Badge>
        ) : (
          <Badge tone="success">Running</Badge>
        )}
        <span className="text-sm text-muted">
          Version {v.version} · from {f.day(v.startDate, "date")}
          {v.lastDay ? ` to ${f.day(v.lastDay, "date")}` : ""}
        </span>
      </div>
      <ol className="space-y-2" aria-label={`Exercises in ${p.title}`}>
        {v.items.map((i) => (
          <li key={i.id} className="rounded-md border border-line px-3 py-2 text-sm">
            <p className="font-medium text-ink">
              {i.snapshot.name}{" "}
              <span className="font-normal text-muted">· {TOOL_LABEL[i.snapshot.tool] ?? i.snapshot.tool}</span>
            </p>
            <p className="text-muted">{describeDosage(i.dosage)}</p>
            {i.flags.length ? (
              <p className="text-warn">
                <span aria-hidden>⚠ </span>
                {i.flags.map((f) => f.message).join(" ")}
              </p>
            ) : null}
            {i.overrideReason ? <p className="text-warn">Above the safe range by choice: {i.overrideReason}</p> : null}
            {i.triggerPointLabel ? <p className="text-xs text-muted">For {i.triggerPointLabel}</p> : null}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        {canRevise ? (
          <ButtonLink href={`/clients/${clientId}/programmes/${p.id}/revise`} variant="secondary">
            Revise
          </ButtonLink>
        ) : null}
        <ButtonLink href={`/clients/${clientId}/programmes/${p.id}`} variant="ghost">
          History{p.currentVersion > 1 ? ` (${p.currentVersion} versions)` : ""}
        </ButtonLink>
        <ButtonLink href={`/clients/${clientId}/programmes/${p.id}/print`} variant="ghost">
          Print
        </ButtonLink>
      </div>
    </article>
  );
}
