import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { getPortalProgramme } from "@/lib/programmes/portal";
import { Card } from "@/app/_components/ui/layout";
import { Skeleton } from "@/app/_components/ui/feedback";
import { ProgrammeCardSkeleton } from "../programme/_components/programme-states";
import { TodaysProgrammeView } from "./todays-programme-view";

/**
 * Today's home programme, read on the server for the first paint and handed to react-query.
 * If the read fails the card starts empty and fetches for itself, so the client sees the
 * card's own error and retry rather than a broken home page.
 */
export async function TodaysProgramme({ actor }: { actor: Actor }) {
  const initial = await getPortalProgramme(await getDb(), actor).catch(() => undefined);
  return <TodaysProgrammeView initial={initial} />;
}

/** The programme card's shape while the server streams it in (the title waits for the clinic's wording). */
export function TodaysProgrammeSkeleton() {
  return (
    <Card>
      <Skeleton className="mb-4 h-5 w-1/2" />
      <ProgrammeCardSkeleton />
    </Card>
  );
}
