import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-jobs";
import { listFailedJobs } from "@/lib/jobs/failed-jobs";

export const GET = route(ops.listFailedJobs, ({ db, actor }) => listFailedJobs(db, actor));
