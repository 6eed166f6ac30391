import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-questionnaires";
import { listMyDueQuestionnaires } from "@/lib/questionnaires/assignments";
import { instrumentForClinic } from "@/lib/questionnaires/instruments";

export const GET = route(ops.getMyQuestionnaires, async ({ db, actor }) => {
  const due = await listMyDueQuestionnaires(db, actor);
  return Promise.all(
    due.map(async (a) => ({ ...a, instrument: (await instrumentForClinic(db, actor.clinicId, a.instrumentId)).dto })),
  );
});
