import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-two-factor";
import { confirmTwoFactor } from "@/lib/identity/two-factor/enrolment";

export const POST = route(ops.confirmTwoFactor, ({ db, session, input }) =>
  confirmTwoFactor(db, session!.userId, input.body),
);
