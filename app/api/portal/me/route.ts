import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getPortalMe, ({ db, actor }) => getClientOrThrow(db, actor, requireClientId(actor)));
