import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { updateComplaint } from "@/lib/outcomes/pain/complaints/update-complaint";

export const PATCH = route(ops.updateComplaint, ({ db, actor, input }) =>
  updateComplaint(db, actor, input.params.complaintId, input.body),
);
