import { route } from "@/lib/http/route";
import * as ops from "@/lib/programmes/operations";
import { listLowAdherence } from "@/lib/programmes/list-low-adherence";

export const GET = route(ops.listLowAdherence, ({ db, actor }) => listLowAdherence(db, actor));
