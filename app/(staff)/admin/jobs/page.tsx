import type { Metadata } from "next";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listFailedJobs } from "@/lib/jobs/failed-jobs/list-failed-jobs";
import { PageHeader } from "@/app/_components/ui/layout";
import { JobsAdmin } from "./jobs-admin";

export const metadata: Metadata = { title: "Background jobs" };

export default async function JobsPage() {
  const actor = await requireActor({ permission: "jobs.manage" });
  const initial = await listFailedJobs(await getDb(), actor);
  return (
    <>
      <PageHeader
        title="Background jobs"
        description="Work Knotwork does after the fact — sending email, appointment reminders — that failed. Failed jobs are retried on their own; after their last attempt they wait here for you."
      />
      <JobsAdmin initial={initial} />
    </>
  );
}
