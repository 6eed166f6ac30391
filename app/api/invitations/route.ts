import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { inviteStaff } from "@/lib/identity/invitations/invite-staff";
import { listPendingInvitations } from "@/lib/identity/invitations/list-pending-invitations";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";

export const GET = route(ops.listInvitations, ({ db, actor }) => listPendingInvitations(db, actor));
export const POST = route(ops.inviteStaff, async ({ db, actor, input, req }) => {
  const invitation = await inviteStaff(db, actor, input.body, appUrl(req));
  kickOutbox();
  return invitation;
});
