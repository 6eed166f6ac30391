import { route } from "@/lib/http/route";
import * as ops from "@/lib/audit/operations";
import { listAuditEvents } from "@/lib/audit/list-events";

export const GET = route(ops.listAudit, ({ db, actor, input }) => listAuditEvents(db, actor, input.query));
