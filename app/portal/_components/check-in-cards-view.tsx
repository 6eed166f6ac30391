"use client";
import { useQuery } from "@tanstack/react-query";
import {
  myCheckInsQuery,
  myDueQuestionnairesQuery,
  type DueQuestionnaire,
  type MyCheckIns,
} from "@/app/_lib/queries/questionnaires";
import { Card } from "@/app/_components/ui/layout";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";

function Failed({ what, retry }: { what: string; retry: () => void }) {
  return (
    <Notice tone="danger" title={`We could not load ${what}.`}>
      <p>Check your connection, then try again.</p>
      <Button type="button" variant="secondary" className="mt-3" onClick={retry}>
        Try again
      </Button>
    </Notice>
  );
}

const loading = (label: string) => (
  <div role="status" aria-label={label} className="space-y-3">
    <Skeleton className="h-5 w-4/5" />
    <Skeleton className="h-12 w-full" />
  </div>
);

/** "1 questionnaire to fill in" (only when one is due) and the weekly check-in, due or done. */
export function CheckInCardsView({
  initialDue,
  initialCheckIns,
}: {
  initialDue?: DueQuestionnaire[];
  initialCheckIns?: MyCheckIns;
}) {
  const due = useQuery({ ...myDueQuestionnairesQuery(), initialData: initialDue });
  const checkIns = useQuery({ ...myCheckInsQuery(), initialData: initialCheckIns });
  const done = checkIns.data?.checkIns.some((c) => c.weekStart === checkIns.data.thisWeek);
  const count = due.data?.length ?? 0;

  return (
    <>
      {due.isError ? (
        <Card title="Questionnaires">
          <Failed what="your questionnaires" retry={() => void due.refetch()} />
        </Card>
      ) : !due.data ? (
        <Card title="Questionnaires">{loading("Loading your questionnaires")}</Card>
      ) : count > 0 ? (
        <Card title={`${count} questionnaire${count === 1 ? "" : "s"} to fill in`}>
          <p className="mb-3 text-base text-muted">Your therapist asked for these. Each takes a few minutes.</p>
          <ul className="space-y-2">
            {due.data.map((a) => (
              <li key={a.id}>
                <ButtonLink
                  href={`/portal/questionnaires/${a.id}`}
                  className="min-h-12 w-full justify-between text-left text-base"
                >
                  <span>{a.instrument.name}</span>
                  <span aria-hidden="true">→</span>
                </ButtonLink>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Card title="Weekly check-in">
        {checkIns.isError ? (
          <Failed what="your check-in" retry={() => void checkIns.refetch()} />
        ) : !checkIns.data ? (
          loading("Loading your check-in")
        ) : done ? (
          <div className="space-y-3">
            <p className="text-base font-medium text-ok">✓ Done for this week</p>
            <ButtonLink href="/portal/check-in" variant="secondary" className="min-h-12 w-full text-base">
              See or change it
            </ButtonLink>
          </div>
        ) : (
          <div className="space-y-3">
            <p className="text-base text-ink">
              Where does it hurt this week? Tap the places on a body map and score each one. It takes under a minute.
            </p>
            <ButtonLink href="/portal/check-in" className="min-h-12 w-full text-base">
              Start this week&apos;s check-in
            </ButtonLink>
          </div>
        )}
      </Card>
    </>
  );
}
