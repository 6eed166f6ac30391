import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { addDiaryEntry, listMyDiary } from "@/lib/outcomes/pain/diary";

export const GET = route(ops.getMyDiary, ({ db, actor }) => listMyDiary(db, actor));
export const POST = route(ops.addDiaryEntry, ({ db, actor, input }) => addDiaryEntry(db, actor, input.body));
