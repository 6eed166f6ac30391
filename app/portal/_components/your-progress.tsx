"use client";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { myProgressQuery } from "@/app/_lib/queries/portal";
import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import { ProgressChart } from "./progress-chart";
import { ProgressSkeleton } from "./portal-skeletons";
import { todayIn } from "./days";

/**
 * The client's own progress in plain words: the server's sentence per complaint and a small
 * line of their scores. Deliberately nothing clinical (no trigger points, no MCID jargon).
 */
export function YourProgress({ timeZone, initial }: { timeZone: string; initial?: ProgressDto }) {
  const progress = useQuery({ ...myProgressQuery(), initialData: initial });
  const today = todayIn(timeZone);

  let body: React.ReactNode;
  if (progress.data) {
    // No complaints: the diary card above already says what happens next.
    if (progress.data.complaints.length === 0) return null;
    body = (
      <div className="space-y-6">
        {progress.data.complaints.map((c) => (
          <section key={c.id} aria-label={c.title} className="space-y-2">
            <h3 className="text-sm font-medium text-muted">
              {c.title}
              {c.status === "resolved" ? " · finished" : ""}
            </h3>
            <p className="text-base text-ink">{c.summary}</p>
            <ProgressChart complaint={c} today={today} />
          </section>
        ))}
      </div>
    );
  } else if (progress.isError) {
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
