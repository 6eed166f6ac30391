"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/app/_lib/api";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { CopyLink } from "@/app/_components/ui/copy-link";
import { Notice, Skeleton } from "@/app/_components/ui/feedback";
import { bookingKeys, calendarFeedQuery, createCalendarFeed, revokeCalendarFeed } from "@/app/_lib/queries/booking";
import type { CalendarFeedStatusDto } from "@/lib/scheduling/calendar-feed/schemas";

/**
 * The therapist's secret calendar feed: subscribe once in Google, Apple or Outlook calendar and
 * the diary follows. The URL is shown only when created or rotated (only its hash is kept);
 * rotating or revoking stops every earlier URL at once.
 */
export function CalendarFeedCard({
  therapistId,
  own,
  initial,
}: {
  therapistId: string;
  own: boolean;
  initial?: CalendarFeedStatusDto;
}) {
  const qc = useQueryClient();
  const fmt = useClinicFormat();
  const q = useQuery({ ...calendarFeedQuery(therapistId), initialData: initial });
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => createCalendarFeed(therapistId),
    onSuccess: (d) => {
      setUrl(d.url);
      qc.setQueryData(bookingKeys.feed(therapistId), { therapistId, active: true, createdAt: d.createdAt });
    },
  });
  const revoke = useMutation({
    mutationFn: () => revokeCalendarFeed(therapistId),
    onSuccess: (d) => {
      setUrl(null);
      qc.setQueryData(bookingKeys.feed(therapistId), d);
    },
  });
  const error = create.error ?? revoke.error;
  const active = q.data?.active ?? false;

  return (
    <Card title="Calendar feed">
      <div className="space-y-3 text-sm">
        <p className="text-muted">
          {own ? "See your" : "Show this therapist's"} appointments in a calendar app (from 30 days ago to 6 months
          ahead). Entries show the client&apos;s first name and initial, the appointment type and the room — nothing
          clinical.
        </p>
        {q.isError ? (
          <Notice tone="danger">
            The feed status did not load.{" "}
            <button type="button" className="underline" onClick={() => void q.refetch()}>
              Try again
            </button>
          </Notice>
        ) : null}
        {!q.data && !q.isError ? (
          <div role="status" aria-label="Loading the calendar feed">
            <Skeleton className="h-10 w-full" />
          </div>
        ) : null}
        {q.data ? (
          <p data-testid="feed-status">
            {active
              ? `A feed is active${q.data.createdAt ? ` (created ${fmt.at(q.data.createdAt, "date")})` : ""}.`
              : "No feed is active."}
          </p>
        ) : null}
        {url ? (
          <div className="space-y-2">
            <Notice tone="warning" title="Copy this address now">
              It is shown only once. Anyone who has it can read this diary: add it to your calendar app as a
              subscription (&quot;From URL&quot;), and keep it private.
            </Notice>
            <CopyLink link={url} label="Calendar feed address" />
          </div>
        ) : null}
        {error ? (
          <Notice tone="danger">
            {error instanceof ApiError ? error.message : "That did not work. Please try again."}
          </Notice>
        ) : null}
        {q.data ? (
          <div className="flex flex-wrap gap-2">
            {active ? (
              <Confirm
                trigger={
                  <Button type="button" variant="secondary" busy={create.isPending}>
                    New address
                  </Button>
                }
                title="Make a new feed address?"
                description="The current address stops working at once; calendars subscribed to it will need the new one."
                confirmLabel="Make a new address"
                onConfirm={() => create.mutate()}
              />
            ) : (
              <Button type="button" busy={create.isPending} onClick={() => create.mutate()}>
                Create feed address
              </Button>
            )}
            {active ? (
              <Confirm
                trigger={
                  <Button type="button" variant="danger" busy={revoke.isPending}>
                    Turn off feed
                  </Button>
                }
                title="Turn off the calendar feed?"
                description="The address stops working at once. Subscribed calendars will no longer update."
                confirmLabel="Turn off"
                danger
                onConfirm={() => revoke.mutate()}
              />
            ) : null}
          </div>
        ) : null}
      </div>
    </Card>
  );
}
