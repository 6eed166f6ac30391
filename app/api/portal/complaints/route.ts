import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { listComplaints } from "@/lib/pain/complaints";
import { requireClientId } from "@/lib/auth/actor";

export const GET = route(ops.getMyComplaints, ({ db, actor }) => listComplaints(db, actor, requireClientId(actor)));
