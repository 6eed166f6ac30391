import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { updateClient } from "@/lib/clients/records/update-client";

export const GET = route(ops.getClient, ({ db, actor, input }) => getClientOrThrow(db, actor, input.params.clientId));
export const PATCH = route(ops.updateClient, ({ db, actor, input }) =>
  updateClient(db, actor, input.params.clientId, input.body),
);
