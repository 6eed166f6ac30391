import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { decideProposal } from "@/lib/forms/decide-proposal";

export const POST = route(ops.decideFormProposal, async ({ db, actor, input }) => ({
  proposals: await decideProposal(db, actor, input.params.clientId, input.params.proposalId, input.body),
}));
