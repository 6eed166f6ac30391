import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { listMyDueQuestionnaires } from "@/lib/outcomes/questionnaires/assignments";
import { instrumentForClinic } from "@/lib/outcomes/questionnaires/instruments";
import { listMyCheckIns } from "@/lib/outcomes/questionnaires/check-ins";
import { Card } from "@/app/_components/ui/layout";
import { Skeleton } from "@/app/_components/ui/feedback";
import { CheckInCardsView } from "./check-in-cards-view";

/**
 * The portal home's "to do" cards: questionnaires due and the weekly body-map check-in. Read
 * on the server for the first paint; if a read fails the cards fetch for themselves and show
 * their own error, rather than breaking the page.
 */
export async function CheckInCards({ actor }: { actor: Actor }) {
  const db = await getDb();
  const [due, checkIns] = await Promise.all([
    listMyDueQuestionnaires(db, actor)
      .then((list) =>
        Promise.all(
          list.map(async (a) => ({
            ...a,
            instrument: (await instrumentForClinic(db, actor.clinicId, a.instrumentId)).dto,
          })),
        ),
      )
      .catch(() => undefined),
    listMyCheckIns(db, actor).catch(() => undefined),
  ]);
  return <CheckInCardsView initialDue={due} initialCheckIns={checkIns} />;
}

/** The weekly check-in card's shape while the server streams the cards in. */
export function CheckInCardsSkeleton() {
  return (
    <Card title="Weekly check-in">
      <div role="status" aria-label="Loading your check-in" className="space-y-3">
        <Skeleton className="h-5 w-4/5" />
        <Skeleton className="h-12 w-full" />
      </div>
    </Card>
  );
}
