import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { reviewCompletion } from "@/lib/programmes/review-completion";

export const POST = route(ops.reviewProgrammeCompletion, ({ db, actor, input }) =>
  reviewCompletion(db, actor, input.params.completionId),
);
