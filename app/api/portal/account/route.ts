import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-billing";
import { getClientAccount } from "@/lib/billing/account";
import { requireClientId } from "@/lib/auth/actor";

export const GET = route(ops.getMyAccount, ({ db, actor }) => getClientAccount(db, actor, requireClientId(actor)));
