"use client";
import { useFormatDay } from "@/app/_lib/queries/pain";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

/**
 * Where the report's scores start, and "Show earlier scores" while older ones exist: the page reads
 * a year of weeks at a time (issue 16), so a long history loads only as far back as someone looks.
 */
export function EarlierScores({
  from,
  hasEarlier,
  expanded,
  loading,
  failed,
  onShowEarlier,
}: {
  from: string | null;
  hasEarlier: boolean;
  /** Earlier windows were loaded: the line stays to say everything is shown now. */
  expanded: boolean;
  loading: boolean;
  failed: boolean;
  onShowEarlier: () => void;
}) {
  const formatDay = useFormatDay();
  if (!hasEarlier && !expanded && !failed) return null;
  return (
    <div className="no-print space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted">
        <span role="status" data-testid="progress-window">
          {hasEarlier && from ? `Showing scores and visits from ${formatDay(from)}.` : "Showing every score and visit."}
        </span>
        {hasEarlier ? (
          <Button variant="secondary" busy={loading} onClick={onShowEarlier}>
            Show earlier scores
          </Button>
        ) : null}
      </div>
      {failed ? <Notice tone="danger">The earlier scores did not load. Try Show earlier scores again.</Notice> : null}
    </div>
  );
}
