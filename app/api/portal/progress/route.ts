import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { getProgress } from "@/lib/pain/progress";
import { requireClientId } from "@/lib/auth/actor";

export const GET = route(ops.getMyProgress, ({ db, actor }) => getProgress(db, actor, requireClientId(actor)));
