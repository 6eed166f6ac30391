import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { createComplaint } from "@/lib/outcomes/pain/complaints/create-complaint";
import { listComplaints } from "@/lib/outcomes/pain/complaints/list-complaints";

export const GET = route(ops.listComplaints, ({ db, actor, input }) =>
  listComplaints(db, actor, input.params.clientId),
);
export const POST = route(ops.createComplaint, ({ db, actor, input }) =>
  createComplaint(db, actor, input.params.clientId, input.body),
);
