import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { inviteStaff, listPendingInvitations } from "@/lib/invitations/create-invitation";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/email/deliver";

export const GET = route(ops.listInvitations, ({ db, actor }) => listPendingInvitations(db, actor));
export const POST = route(ops.inviteStaff, async ({ db, actor, input, req }) => {
  const invitation = await inviteStaff(db, actor, input.body, appUrl(req));
  kickOutbox();
  return invitation;
});
