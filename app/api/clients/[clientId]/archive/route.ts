import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { setClientArchived } from "@/lib/clients/records/set-client-archived";

export const POST = route(ops.archiveClient, ({ db, actor, input }) =>
  setClientArchived(db, actor, input.params.clientId, true),
);
