import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { acceptInvitation } from "@/lib/invitations/accept-invitation";

export const POST = route(ops.acceptInvitation, ({ db, input }) => acceptInvitation(db, input.body));
