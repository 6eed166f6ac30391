import { route } from "@/lib/http/route";
import * as ops from "@/lib/jobs/operations";
import { retryFailedJob } from "@/lib/jobs/failed-jobs/retry-failed-job";

export const POST = route(ops.retryFailedJob, ({ db, actor, input }) => retryFailedJob(db, actor, input.params.jobId));
