import Link from "next/link";
import { formatFor } from "@/lib/format/clinic-format";
import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { pageLowAdherence } from "@/lib/programmes/adherence-summaries";
import type { LowAdherenceEntry } from "@/lib/programmes/schemas";
import { programmeSettings } from "@/lib/programmes/load";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { Card } from "@/app/_components/ui/layout";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { ShowMore } from "./show-more";

/** Clients whose home-programme adherence last week fell below the clinic's threshold, lowest first. */
export async function LowAdherence({
  actor,
  shown,
  params,
}: {
  actor: Actor;
  /** Rows to show (the list is capped; "Show more" asks for more). */
  shown: number;
  params: Record<string, number>;
}) {
  let entries: LowAdherenceEntry[];
  let total: number;
  let settings: Awaited<ReturnType<typeof programmeSettings>>;
  try {
    const db = await getDb();
    let page: { entries: LowAdherenceEntry[]; total: number };
    [page, settings] = await Promise.all([pageLowAdherence(db, actor, shown), programmeSettings(db, actor)]);
    ({ entries, total } = page);
  } catch {
    return (
      <Card title="Low adherence">
        <Notice tone="danger">The list did not load. Reload the page to try again.</Notice>
      </Card>
    );
  }
  const wording = PROGRAMME_WORDING[settings.wording];
  return (
    // The id is where "Show more" lands.
    <div id="low-adherence" className="scroll-mt-4">
      <Card title={total ? `Low adherence (${total})` : "Low adherence"}>
        {entries.length === 0 ? (
          <EmptyState title="Everyone is keeping up">
            Clients appear here when last week&rsquo;s completed {wording.short} sessions fell below{" "}
            {settings.thresholdPct}% of those prescribed.
          </EmptyState>
        ) : (
          <>
            <p className="mb-3 text-sm text-muted">
              Week of {formatFor(actor).day(entries[0]!.weekStart, "dayMonth")}: below the clinic&rsquo;s{" "}
              {settings.thresholdPct}% threshold.
            </p>
            <ul className="space-y-2" data-testid="low-adherence">
              {entries.map((e) => (
                <li
                  key={e.clientId}
                  className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-amber-200 border-l-4 border-l-amber-500 bg-amber-50/60 px-4 py-2"
                >
                  <Link
                    href={`/clients/${e.clientId}`}
                    className="inline-flex min-h-11 items-center font-semibold text-accent-700 underline-offset-2 hover:underline"
                  >
                    {e.clientName}
                    <span className="sr-only">: open the client</span>
                  </Link>
                  <span className="tabular text-sm text-ink">
                    {Math.round(e.ratio * 100)}% · {e.completed} of {e.prescribed} sessions
                    <span className="text-muted"> · {e.programmes.map((p) => p.title).join(", ")}</span>
                  </span>
                </li>
              ))}
            </ul>
            <ShowMore
              param="adherence"
              shown={shown}
              total={total}
              params={params}
              anchor="low-adherence"
              noun="clients"
            />
          </>
        )}
      </Card>
    </div>
  );
}
