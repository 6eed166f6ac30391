import { route } from "@/lib/http/route";
import * as ops from "@/lib/system/operations";
import { databaseKind } from "@/lib/system/health";

export const GET = route(ops.health, async ({ db }) => ({ status: "ok" as const, database: await databaseKind(db) }));
