import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { inviteClient } from "@/lib/clients/invite-client";
import { revokeClientInvitation } from "@/lib/clients/revoke-client-invitation";
import { appUrl } from "@/lib/app-url";
import { kickOutbox } from "@/lib/delivery/email/deliver";

export const POST = route(ops.inviteClient, async ({ db, actor, input, req }) => {
  const invitation = await inviteClient(db, actor, input.params.clientId, input.body, appUrl(req));
  kickOutbox();
  return invitation;
});
export const DELETE = route(ops.revokeClientInvitation, ({ db, actor, input }) =>
  revokeClientInvitation(db, actor, input.params.clientId),
);
