import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-two-factor";
import { regenerateRecoveryCodes } from "@/lib/identity/two-factor/enrolment";

export const POST = route(ops.regenerateRecoveryCodes, ({ db, session, input }) =>
  regenerateRecoveryCodes(db, session!.userId, input.body),
);
