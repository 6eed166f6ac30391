import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { getPortalProgramme } from "@/lib/programmes/portal";

export const GET = route(ops.getPortalProgramme, ({ db, actor }) => getPortalProgramme(db, actor));
