import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-two-factor";
import { disableTwoFactor } from "@/lib/identity/two-factor/enrolment";

export const POST = route(ops.disableTwoFactor, async ({ db, session, input }) => {
  await disableTwoFactor(db, session!.userId, input.body);
});
