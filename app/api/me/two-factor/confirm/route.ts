import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-two-factor";
import { confirmTwoFactor } from "@/lib/auth/two-factor/enrolment";

export const POST = route(ops.confirmTwoFactor, ({ db, session, input }) =>
  confirmTwoFactor(db, session!.userId, input.body),
);
