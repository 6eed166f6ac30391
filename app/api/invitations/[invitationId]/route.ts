import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { revokeStaffInvitation } from "@/lib/identity/invitations/revoke-staff-invitation";

export const DELETE = route(ops.revokeInvitation, ({ db, actor, input }) =>
  revokeStaffInvitation(db, actor, input.params.invitationId),
);
