import { route } from "@/lib/http/route";
import * as ops from "@/lib/clients/operations";
import { getClientOrThrow } from "@/lib/clients/clients";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getPortalMe, ({ db, actor }) => getClientOrThrow(db, actor, requireClientId(actor)));
