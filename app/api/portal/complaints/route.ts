import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { listComplaints } from "@/lib/outcomes/pain/complaints/list-complaints";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getMyComplaints, ({ db, actor }) => listComplaints(db, actor, requireClientId(actor)));
