import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listMyDueQuestionnaires } from "@/lib/outcomes/questionnaires/assignments/list-my-due-questionnaires";

export const GET = route(ops.getMyQuestionnaires, ({ db, actor }) => listMyDueQuestionnaires(db, actor));
