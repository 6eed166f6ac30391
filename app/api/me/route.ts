import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { describeSession } from "@/lib/identity/describe-session";

export const GET = route(ops.getMe, async ({ db, session, actor }) => describeSession(db, session!, actor));
