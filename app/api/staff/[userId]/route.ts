import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { removeStaffMember } from "@/lib/identity/staff/remove-staff-member";

export const DELETE = route(ops.removeStaffMember, ({ db, actor, input }) =>
  removeStaffMember(db, actor, input.params.userId),
);
