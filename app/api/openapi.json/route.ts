import { route } from "@/lib/http/route";
import * as ops from "@/lib/system/operations";
import { buildOpenApi } from "@/lib/api/openapi";

export const GET = route(ops.openapi, async () => buildOpenApi());
