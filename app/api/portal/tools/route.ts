import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { getClientSafety } from "@/lib/programmes/safety/get-client-safety";
import { setTools } from "@/lib/programmes/safety/set-tools";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getMyTools, async ({ db, actor }) => ({
  tools: (await getClientSafety(db, actor, requireClientId(actor))).tools,
}));
export const PUT = route(ops.setMyTools, async ({ db, actor, input }) => ({
  tools: (await setTools(db, actor, requireClientId(actor), input.body)).tools,
}));
