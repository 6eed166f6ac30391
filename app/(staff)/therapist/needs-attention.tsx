import Link from "next/link";
import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { pageNeedsAttention } from "@/lib/outcomes/pain/attention";
import type { AttentionEntry, AttentionRule } from "@/lib/outcomes/rules/attention";
import { Card } from "@/app/_components/ui/layout";
import { EmptyState, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { MarkSeenButton } from "./mark-seen-button";
import { ShowMore } from "./show-more";

const RULE_LABEL: Record<AttentionRule, string> = {
  worse_than_baseline: "Worse than baseline",
  no_meaningful_improvement: "No meaningful improvement",
  high_self_report: "High self-report",
  flare: "Flare",
  adverse_reaction: "Home exercise: stop rule",
};

/**
 * The dashboard's "needs attention" list, read on the server so it is there with the page.
 * Amber per DESIGN.md (a warning, not danger); each reason is a sentence, with its rule as a tag.
 */
export async function NeedsAttention({
  actor,
  shown,
  params,
}: {
  actor: Actor;
  /** Rows to show (the list is capped; "Show more" asks for more). */
  shown: number;
  params: Record<string, number>;
}) {
  let entries: AttentionEntry[];
  let total: number;
  try {
    ({ entries, total } = await pageNeedsAttention(await getDb(), actor, shown));
  } catch {
    return (
      <Card title="Needs attention">
        <Notice tone="danger">The list did not load. Reload the page to try again.</Notice>
      </Card>
    );
  }
  return (
    // The id is where "Show more" lands.
    <div id="needs-attention" className="scroll-mt-4">
      <Card title={total ? `Needs attention (${total})` : "Needs attention"}>
        {total === 0 ? (
          <EmptyState title="No one needs attention right now">
            Clients appear here when pain is worse than at baseline, has not improved after several visits, or is high
            or flaring in their diary, and when they report numbness, tingling or shooting pain during a home exercise.
          </EmptyState>
        ) : (
          <>
            <ul className="space-y-3" data-testid="needs-attention">
              {entries.map((e) => (
                <li
                  key={e.clientId}
                  className="rounded-md border border-amber-200 border-l-4 border-l-amber-500 bg-amber-50/60 px-4 py-3"
                >
                  <Link
                    href={`/clients/${e.clientId}/progress`}
                    className="inline-flex min-h-11 items-center font-semibold text-accent-700 underline-offset-2 hover:underline"
                  >
                    {e.clientName}
                    <span className="sr-only">: open progress</span>
                  </Link>
                  <ul className="mt-1 space-y-1.5 text-sm">
                    {e.reasons.map((r, i) => (
                      <li key={`${r.rule}-${r.complaintId}-${i}`} className="flex flex-wrap items-baseline gap-x-2">
                        <span className="inline-flex items-center gap-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-warn">
                          <span aria-hidden>!</span>
                          {RULE_LABEL[r.rule]}
                        </span>
                        <span className="tabular text-ink">{r.reason}</span>
                        {r.completionId ? (
                          <MarkSeenButton completionId={r.completionId} clientName={e.clientName} />
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
            <ShowMore
              param="attention"
              shown={shown}
              total={total}
              params={params}
              anchor="needs-attention"
              noun="clients"
            />
          </>
        )}
      </Card>
    </div>
  );
}

export function NeedsAttentionSkeleton() {
  return (
    <Card title="Needs attention">
      <ListSkeleton rows={3} label="Loading who needs attention" />
    </Card>
  );
}
