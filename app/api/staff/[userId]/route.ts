import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-security";
import { removeStaffMember } from "@/lib/staff/remove-staff";

export const DELETE = route(ops.removeStaffMember, ({ db, actor, input }) =>
  removeStaffMember(db, actor, input.params.userId),
);
