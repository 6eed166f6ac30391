import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations-safety";
import { getClientSafety, setTools } from "@/lib/programmes/safety/client-safety";
import { requireClientId } from "@/lib/identity/actor";

export const GET = route(ops.getMyTools, async ({ db, actor }) => ({
  tools: (await getClientSafety(db, actor, requireClientId(actor))).tools,
}));
export const PUT = route(ops.setMyTools, async ({ db, actor, input }) => ({
  tools: (await setTools(db, actor, requireClientId(actor), input.body)).tools,
}));
