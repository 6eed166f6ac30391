import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { listNeedsAttention } from "@/lib/pain/attention";

export const GET = route(ops.listAttention, ({ db, actor }) => listNeedsAttention(db, actor));
