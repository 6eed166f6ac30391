"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { FailedJob, FailedJobs } from "@/lib/jobs/schemas";
import { call, ops } from "@/app/_lib/api-client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { DataTable } from "@/app/_components/ui/data-table";
import { Badge, EmptyState, Notice } from "@/app/_components/ui/feedback";
import { jobKeys } from "@/app/_lib/queries/jobs";

/** Job names in words; an unknown name is shown as it is. */
const KIND: Record<string, string> = {
  "email.send": "Send an email",
  "reminders.send": "Appointment reminder",
  "reminders.scan": "Find appointments due a reminder",
};
const kindOf = (name: string) => KIND[name] ?? name;

/**
 * The clinic's failed jobs: what, how many attempts, the last error (a class and a sanitised
 * message, never the job's contents), with retry and discard.
 */
export function JobsAdmin({ initial }: { initial: FailedJobs }) {
  const fmt = useClinicFormat();
  const queryClient = useQueryClient();
  const [done, setDone] = useState<string | null>(null);
  const list = useQuery({
    queryKey: jobKeys.failed,
    queryFn: () => call(ops.listFailedJobs),
    initialData: initial,
  });
  const retry = useMutation({
    mutationFn: (job: FailedJob) => call(ops.retryFailedJob, { params: { jobId: job.id } }),
    onSuccess: (_r, job) => {
      setDone(`${kindOf(job.name)}: queued to run again now.`);
      void queryClient.invalidateQueries({ queryKey: jobKeys.failed });
    },
  });
  const discard = useMutation({
    mutationFn: (job: FailedJob) => call(ops.discardFailedJob, { params: { jobId: job.id } }),
    onSuccess: (_r, job) => {
      setDone(`${kindOf(job.name)}: discarded.`);
      void queryClient.invalidateQueries({ queryKey: jobKeys.failed });
    },
  });
  const error = retry.error ?? discard.error;
  const jobs = list.data.jobs;

  return (
    <div className="space-y-4">
      {done ? <Notice tone="success">{done}</Notice> : null}
      {error ? <Notice tone="danger">{error.message}</Notice> : null}
      {list.isError ? (
        <Notice tone="danger" title="The list could not be refreshed">
          <Button variant="secondary" onClick={() => void list.refetch()}>
            Try again
          </Button>
        </Notice>
      ) : null}
      {jobs.length === 0 ? (
        <EmptyState title="No failed jobs">Everything Knotwork had to do in the background went through.</EmptyState>
      ) : (
        <DataTable
          caption="Failed background jobs"
          rows={jobs}
          rowKey={(j) => j.id}
          columns={[
            { header: "Job", cell: (j) => kindOf(j.name) },
            {
              header: "Status",
              cell: (j) =>
                j.status === "dead" ? <Badge tone="danger">Gave up</Badge> : <Badge tone="warning">Retrying</Badge>,
            },
            { header: "Attempts", className: "tabular", cell: (j) => `${j.attempts} of ${j.maxAttempts}` },
            { header: "Last error", cell: (j) => <span className="break-words">{j.lastError ?? "—"}</span> },
            {
              header: "When",
              className: "tabular whitespace-nowrap",
              cell: (j) =>
                j.status === "dead" && j.diedAt
                  ? `Gave up ${fmt.at(j.diedAt, "dateTime")}`
                  : j.nextAttemptAt
                    ? `Next try ${fmt.at(j.nextAttemptAt, "dateTime")}`
                    : "—",
            },
            {
              header: "Actions",
              cell: (j) => (
                <div className="flex flex-wrap justify-end gap-2">
                  <Button
                    variant="secondary"
                    busy={retry.isPending && retry.variables?.id === j.id}
                    onClick={() => retry.mutate(j)}
                    aria-label={`Retry now: ${kindOf(j.name)}, queued ${fmt.at(j.createdAt, "dateTime")}`}
                  >
                    Retry now
                  </Button>
                  <Confirm
                    trigger={
                      <Button
                        variant="secondary"
                        busy={discard.isPending && discard.variables?.id === j.id}
                        aria-label={`Discard: ${kindOf(j.name)}, queued ${fmt.at(j.createdAt, "dateTime")}`}
                      >
                        Discard
                      </Button>
                    }
                    title={`Discard this job (${kindOf(j.name)})?`}
                    description="Knotwork will not try it again. The audit trail records that you discarded it."
                    confirmLabel="Discard job"
                    danger
                    onConfirm={() => discard.mutate(j)}
                  />
                </div>
              ),
            },
          ]}
        />
      )}
      {list.data.truncated ? <p className="text-sm text-muted">Showing the 200 most recent failed jobs.</p> : null}
    </div>
  );
}
