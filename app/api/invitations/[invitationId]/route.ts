import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { revokeStaffInvitation } from "@/lib/invitations/create-invitation";

export const DELETE = route(ops.revokeInvitation, ({ db, actor, input }) =>
  revokeStaffInvitation(db, actor, input.params.invitationId),
);
