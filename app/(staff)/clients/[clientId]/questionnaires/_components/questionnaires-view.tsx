"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import {
  assignmentsQuery,
  instrumentsQuery,
  seriesQuery,
  type AssignmentDto,
  type InstrumentDto,
  type InstrumentSeries,
} from "@/app/_lib/queries/questionnaires";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Card } from "@/app/_components/ui/layout";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import type { ComplaintDto } from "@/lib/outcomes/pain/schemas";
import { AssignForm } from "./assign-form";
import { AssignmentList } from "./assignment-list";
import { SeriesCard } from "./series-card";

export interface QuestionnairesInitial {
  assignments: AssignmentDto[];
  series: InstrumentSeries[];
  instruments: InstrumentDto[];
  complaints: ComplaintDto[];
}

/**
 * A client's outcome questionnaires: what is assigned and due, assigning another, filling one
 * in on the clinic tablet, and every questionnaire's scores over time with its MCID.
 */
export function QuestionnairesView({
  clientId,
  clientName,
  archived,
  canWrite,
  canConfigure,
  timeZone,
  initial,
}: {
  clientId: string;
  clientName: string;
  archived: boolean;
  canWrite: boolean;
  canConfigure: boolean;
  timeZone: string;
  initial: QuestionnairesInitial;
}) {
  const assignments = useQuery({ ...assignmentsQuery(clientId), initialData: initial.assignments });
  const series = useQuery({ ...seriesQuery(clientId), initialData: initial.series });
  // Instrument wording changes rarely and only in settings: no refetch on this page.
  const instruments = useQuery({ ...instrumentsQuery(), initialData: initial.instruments, staleTime: Infinity });
  const byId = new Map(instruments.data.map((i) => [i.id, i]));
  const writable = canWrite && !archived;

  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/clients/${clientId}`} className="text-sm text-accent-700 underline-offset-2 hover:underline">
            ← {clientName}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">Questionnaires · {clientName}</h1>
          <p className="mt-1 text-sm text-muted">
            Outcome questionnaires the client fills in from the portal or on a tablet here, and their scores over time.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink href={`/clients/${clientId}/progress`} variant="secondary">
            Pain progress
          </ButtonLink>
          {canConfigure ? (
            <ButtonLink href="/questionnaires" variant="secondary">
              Questionnaire wording
            </ButtonLink>
          ) : null}
        </div>
      </header>

      {archived ? (
        <Notice tone="warning">
          This client is archived: questionnaires can be read but not assigned or filled in.
        </Notice>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-5">
        <Card title="Assigned" className="lg:col-span-3">
          {assignments.isError ? (
            <Notice tone="danger" title="The latest assignments did not load.">
              <Button type="button" variant="secondary" className="mt-2" onClick={() => void assignments.refetch()}>
                Try again
              </Button>
            </Notice>
          ) : null}
          {assignments.data.length === 0 ? (
            <EmptyState title="No questionnaires assigned">
              {writable
                ? "Assign one at intake or re-assessment; the client sees it in their portal when it is due."
                : "A therapist can assign one at intake or re-assessment."}
            </EmptyState>
          ) : (
            <AssignmentList
              clientId={clientId}
              assignments={assignments.data}
              instruments={byId}
              complaints={initial.complaints}
              writable={writable}
            />
          )}
        </Card>
        {writable ? (
          <Card title="Assign a questionnaire" className="lg:col-span-2">
            <AssignForm
              clientId={clientId}
              instruments={instruments.data}
              assignments={assignments.data}
              complaints={initial.complaints}
              canConfigure={canConfigure}
            />
          </Card>
        ) : null}
      </div>

      <section aria-labelledby="scores-heading" className="space-y-4">
        <h2 id="scores-heading" className="text-lg font-semibold text-ink">
          Scores over time
        </h2>
        {series.isError ? (
          <Notice tone="danger">
            The latest scores did not load; showing what was loaded earlier.{" "}
            <button type="button" className="min-h-11 underline" onClick={() => void series.refetch()}>
              Try again
            </button>
          </Notice>
        ) : null}
        {series.data.length === 0 ? (
          <EmptyState title="No questionnaires filled in yet">
            Scores appear here once {clientName} fills one in, from the portal or on a tablet here.
          </EmptyState>
        ) : (
          series.data.map((s) => (
            <SeriesCard key={s.instrumentId} series={s} instrument={byId.get(s.instrumentId)} timeZone={timeZone} />
          ))
        )}
      </section>
    </div>
  );
}
