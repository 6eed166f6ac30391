import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-foundation";
import { listOutbox } from "@/lib/email/outbox";

export const GET = route(ops.listOutbox, ({ db, actor }) => listOutbox(db, actor));
