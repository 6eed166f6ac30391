import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-questionnaires";
import { listMyDueQuestionnaires } from "@/lib/outcomes/questionnaires/assignments/list-my-due-questionnaires";
import { instrumentForClinic } from "@/lib/outcomes/questionnaires/instruments";

export const GET = route(ops.getMyQuestionnaires, async ({ db, actor }) => {
  const due = await listMyDueQuestionnaires(db, actor);
  return Promise.all(
    due.map(async (a) => ({ ...a, instrument: (await instrumentForClinic(db, actor.clinicId, a.instrumentId)).dto })),
  );
});
