"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { myProgressQuery } from "@/app/_lib/queries/portal";
import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import { mergeProgressPages } from "@/app/_lib/pain-series";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { ProgressChart } from "./progress-chart";
import { ProgressSkeleton } from "./portal-skeletons";
import { todayIn } from "./days";

/**
 * The client's own progress in plain words: the server's sentence per complaint and a small
 * line of their scores. Deliberately nothing clinical (no trigger points, no MCID jargon).
 */
export function YourProgress({ timeZone, initial }: { timeZone: string; initial?: ProgressDto }) {
  const progress = useInfiniteQuery({
    ...myProgressQuery(),
    initialData: initial ? { pages: [initial], pageParams: [null] } : undefined,
  });
  const today = todayIn(timeZone);
  const f = useClinicFormat();
  const data = progress.data ? mergeProgressPages(progress.data.pages) : undefined;

  let body: React.ReactNode;
  if (data) {
    // No complaints: the diary card above already says what happens next.
    if (data.complaints.length === 0) return null;
    body = (
      <div className="space-y-6">
        {data.complaints.map((c) => (
          <section key={c.id} aria-label={c.title} className="space-y-2">
            <h3 className="text-sm font-medium text-muted">
              {c.title}
              {c.status === "resolved" ? " · finished" : ""}
            </h3>
            <p className="text-base text-ink">{c.summary}</p>
            <ProgressChart complaint={c} today={today} />
          </section>
        ))}
        {(progress.hasNextPage && data.window.from) || progress.data!.pages.length > 1 ? (
          // A year at a time: older scores load only when asked for (issue 16).
          <div className="space-y-2 text-sm text-muted">
            <p role="status" data-testid="portal-progress-window">
              {progress.hasNextPage && data.window.from
                ? `Showing your scores since ${f.day(data.window.from, "dateLong")}.`
                : "Showing all your scores."}
            </p>
            {progress.hasNextPage ? (
              <Button
                type="button"
                variant="secondary"
                busy={progress.isFetchingNextPage}
                onClick={() => void progress.fetchNextPage()}
              >
                Show earlier scores
              </Button>
            ) : null}
          </div>
        ) : null}
        {progress.isFetchNextPageError ? (
          <Notice tone="danger" title="We could not load your earlier scores.">
            <p>Check your connection, then try Show earlier scores again.</p>
          </Notice>
        ) : null}
      </div>
    );
  } else if (progress.isError && !progress.isFetchNextPageError) {
    body = (
      <Notice tone="danger" title="We could not load your progress.">
        <p>Check your connection, then try again.</p>
        <Button type="button" variant="secondary" className="mt-3" onClick={() => void progress.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  } else {
    body = <ProgressSkeleton />;
  }
  return <Card title="Your progress">{body}</Card>;
}
