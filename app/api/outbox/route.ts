import { route } from "@/lib/http/route";
import * as ops from "@/lib/delivery/operations";
import { listOutbox } from "@/lib/delivery/email/outbox";

export const GET = route(ops.listOutbox, ({ db, actor }) => listOutbox(db, actor));
