import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { describeSession } from "@/lib/auth/describe-session";

export const GET = route(ops.getMe, async ({ db, session, actor }) => describeSession(db, session!, actor));
