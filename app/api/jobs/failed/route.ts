import { route } from "@/lib/http/route";
import * as ops from "@/lib/jobs/operations";
import { listFailedJobs } from "@/lib/jobs/failed-jobs/list-failed-jobs";

export const GET = route(ops.listFailedJobs, ({ db, actor }) => listFailedJobs(db, actor));
