"use client";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { myComplaintsQuery, myDiaryQuery } from "@/app/_lib/queries/portal";
import type { ComplaintDto, DiaryEntryDto } from "@/lib/outcomes/pain/schemas";
import { ComplaintDiary } from "./complaint-diary";
import { DiarySkeleton } from "./portal-skeletons";
import { todayIn } from "./days";

/**
 * The client's daily pain diary: one question per open complaint. Resolved complaints are
 * not asked about (they still show under "Your progress").
 */
export function PainDiary({
  timeZone,
  initialComplaints,
  initialDiary,
}: {
  timeZone: string;
  initialComplaints?: ComplaintDto[];
  initialDiary?: DiaryEntryDto[];
}) {
  const complaints = useQuery({ ...myComplaintsQuery(), initialData: initialComplaints });
  const diary = useQuery({ ...myDiaryQuery(), initialData: initialDiary });
  const today = todayIn(timeZone);

  let body: React.ReactNode;
  if (complaints.data && diary.data) {
    const open = complaints.data.filter((c) => c.status === "open");
    const entries = diary.data;
    body = open.length ? (
      <div className="space-y-5">
        <p className="text-sm text-muted">
          {open.length > 1 ? "One score a day for each." : "One score a day."} It takes a few seconds and helps your
          therapist plan your next visit.
        </p>
        {open.map((c) => (
          <ComplaintDiary
            key={c.id}
            complaint={c}
            entries={entries.filter((e) => e.complaintId === c.id)}
            today={today}
          />
        ))}
      </div>
    ) : complaints.data.length ? (
      <EmptyState title="Nothing to score right now">
        Everything you were treated for is marked as better. If pain comes back, tell your therapist at your next visit.
      </EmptyState>
    ) : (
      <EmptyState title="Nothing to score yet">
        Your therapist will add what you are being treated for at your next visit.
      </EmptyState>
    );
  } else if (complaints.isError || diary.isError) {
    // Only when there is nothing to show: a failed background refresh keeps the last good data.
    body = (
      <Notice tone="danger" title="We could not load your diary.">
        <p>Check your connection, then try again. Nothing you saved earlier is lost.</p>
        <Button
          type="button"
          variant="secondary"
          className="mt-3"
          onClick={() => {
            void complaints.refetch();
            void diary.refetch();
          }}
        >
          Try again
        </Button>
      </Notice>
    );
  } else {
    body = <DiarySkeleton />;
  }
  return <Card title="Pain diary">{body}</Card>;
}
