import { route } from "@/lib/http/route";
import * as ops from "@/lib/messaging/operations-outbox";
import { listOutbox } from "@/lib/messaging/email/outbox";

export const GET = route(ops.listOutbox, ({ db, actor }) => listOutbox(db, actor));
