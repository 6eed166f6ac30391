import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-programmes";
import { getPortalProgramme } from "@/lib/programmes/portal";

export const GET = route(ops.getPortalProgramme, ({ db, actor }) => getPortalProgramme(db, actor));
