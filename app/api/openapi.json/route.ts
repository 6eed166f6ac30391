import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { buildOpenApi } from "@/lib/api/openapi";

export const GET = route(ops.openapi, async () => buildOpenApi());
