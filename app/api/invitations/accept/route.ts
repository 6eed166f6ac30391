import { route } from "@/lib/http/route";
import * as ops from "@/lib/identity/operations";
import { acceptInvitation } from "@/lib/identity/invitations/accept-invitation";
import { clientAddress } from "@/lib/http/client-address";

export const POST = route(ops.acceptInvitation, ({ db, input, req }) =>
  acceptInvitation(db, input.body, { address: clientAddress(req.headers) }),
);
