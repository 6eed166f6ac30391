import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { getClientOrThrow, updateClient } from "@/lib/clients/clients";

export const GET = route(ops.getClient, ({ db, actor, input }) => getClientOrThrow(db, actor, input.params.clientId));
export const PATCH = route(ops.updateClient, ({ db, actor, input }) =>
  updateClient(db, actor, input.params.clientId, input.body),
);
