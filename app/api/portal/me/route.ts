import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { getClientOrThrow } from "@/lib/clients/clients";
import { requireClientId } from "@/lib/auth/actor";

export const GET = route(ops.getPortalMe, ({ db, actor }) => getClientOrThrow(db, actor, requireClientId(actor)));
