import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-security";
import { removeStaffRole } from "@/lib/staff/remove-staff";

export const DELETE = route(ops.removeStaffRole, ({ db, actor, input }) =>
  removeStaffRole(db, actor, input.params.userId, input.params.role),
);
