import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { listNeedsAttention } from "@/lib/outcomes/pain/list-needs-attention";

export const GET = route(ops.listAttention, ({ db, actor }) => listNeedsAttention(db, actor));
