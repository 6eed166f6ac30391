import { defineOperation } from "@/lib/http/operation";
import { failedJobDto, failedJobsDto, jobIdParams } from "@/lib/jobs/schemas";

export const listFailedJobs = defineOperation({
  id: "listFailedJobs",
  method: "GET",
  path: "/api/jobs/failed",
  tag: "Jobs",
  summary: "The clinic's failed background jobs (retrying or dead): name, attempts, last error — never payloads",
  auth: { permission: "jobs.manage" },
  response: failedJobsDto,
});

export const retryFailedJob = defineOperation({
  id: "retryFailedJob",
  method: "POST",
  path: "/api/jobs/{jobId}/retry",
  tag: "Jobs",
  summary: "Run one of the clinic's failed jobs again now, with a fresh set of attempts",
  auth: { permission: "jobs.manage" },
  params: jobIdParams,
  response: failedJobDto,
});

export const discardFailedJob = defineOperation({
  id: "discardFailedJob",
  method: "DELETE",
  path: "/api/jobs/{jobId}",
  tag: "Jobs",
  summary: "Give up on one of the clinic's failed jobs (it is deleted; the audit trail records it)",
  auth: { permission: "jobs.manage" },
  params: jobIdParams,
  successStatus: 204,
});
