import { route } from "@/lib/http/route";
import * as ops from "@/lib/jobs/operations";
import { discardFailedJob } from "@/lib/jobs/failed-jobs/discard-failed-job";

export const DELETE = route(ops.discardFailedJob, ({ db, actor, input }) =>
  discardFailedJob(db, actor, input.params.jobId),
);
