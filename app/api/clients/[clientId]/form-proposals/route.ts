import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-forms";
import { listProposals } from "@/lib/forms/write-back";

export const GET = route(ops.listFormProposals, async ({ db, actor, input }) => ({
  proposals: await listProposals(db, actor, input.params.clientId),
}));
