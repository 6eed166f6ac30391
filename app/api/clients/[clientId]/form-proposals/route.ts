import { route } from "@/lib/http/route";
import * as ops from "@/lib/forms/operations";
import { listProposals } from "@/lib/forms/list-proposals";

export const GET = route(ops.listFormProposals, async ({ db, actor, input }) => ({
  proposals: await listProposals(db, actor, input.params.clientId),
}));
