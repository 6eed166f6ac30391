import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-two-factor";
import { startTwoFactorSetup } from "@/lib/identity/two-factor/enrolment";

export const POST = route(ops.startTwoFactorSetup, ({ db, session }) => startTwoFactorSetup(db, session!.userId));
