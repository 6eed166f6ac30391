import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { addDiaryEntry } from "@/lib/outcomes/pain/add-diary-entry";
import { listMyDiary } from "@/lib/outcomes/pain/list-my-diary";

export const GET = route(ops.getMyDiary, ({ db, actor }) => listMyDiary(db, actor));
export const POST = route(ops.addDiaryEntry, ({ db, actor, input }) => addDiaryEntry(db, actor, input.body));
