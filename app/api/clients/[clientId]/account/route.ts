import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { getClientAccount } from "@/lib/billing/account";

export const GET = route(ops.getClientAccount, ({ db, actor, input }) =>
  getClientAccount(db, actor, input.params.clientId),
);
