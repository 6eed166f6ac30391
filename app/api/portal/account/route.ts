import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations";
import { getClientAccount } from "@/lib/billing/account";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getMyAccount, ({ db, actor }) => getClientAccount(db, actor, requireClientId(actor)));
