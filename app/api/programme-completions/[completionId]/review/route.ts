import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { reviewCompletion } from "@/lib/programmes/completions";

export const POST = route(ops.reviewProgrammeCompletion, ({ db, actor, input }) =>
  reviewCompletion(db, actor, input.params.completionId),
);
