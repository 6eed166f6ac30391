import "server-only";
import { cache } from "react";
import type { Db } from "@/db/client";
import { requireClientId, type Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { listResponseSeries } from "../responses/list-response-series";
import { dueWithInstruments, loadAssignments } from "./active-assignments";

/**
 * One of the client's questionnaires as its portal page opens it: null when it is not theirs (or made up);
 * otherwise their due list with the instruments (the page keeps it fresh from GET /api/portal/questionnaires)
 * and, for PSFS, the activities they named last time, so they re-rate them without having to recall them.
 * A questionnaire of theirs that is no longer due still opens (the page says so). Memoised per render: the
 * layout refuses a stranger's id before loading.tsx, and the page reads the same answer.
 */
export const openMyQuestionnaire = cache(async (db: Db, actor: Actor, assignmentId: string) => {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const all = await loadAssignments(db, actor, clientId);
  if (!all.some((a) => a.assignment.id === assignmentId)) return null;
  const due = await dueWithInstruments(db, actor, all);
  const mine = due.find((a) => a.id === assignmentId);
  const previous = mine
    ? (await listResponseSeries(db, actor, clientId)).find((s) => s.instrumentId === mine.instrumentId)
    : undefined;
  return { due, previousLabels: previous?.responses.at(-1)?.itemLabels ?? {} };
});
