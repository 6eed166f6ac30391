import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-two-factor";
import { getTwoFactorStatus } from "@/lib/identity/two-factor/enrolment";

export const GET = route(ops.getTwoFactor, ({ db, session, actor }) => getTwoFactorStatus(db, session!.userId, actor));
