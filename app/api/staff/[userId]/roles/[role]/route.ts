import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations-security";
import { removeStaffRole } from "@/lib/identity/staff/remove-staff-role";

export const DELETE = route(ops.removeStaffRole, ({ db, actor, input }) =>
  removeStaffRole(db, actor, input.params.userId, input.params.role),
);
