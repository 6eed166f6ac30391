import { route } from "@/lib/http/route";
import * as ops from "@/lib/api/operations-pain";
import { getProgress, progressCsv } from "@/lib/pain/progress";

export const GET = route(ops.getProgressCsv, async ({ db, actor, input }) => {
  const progress = await getProgress(db, actor, input.params.clientId);
  const name = progress.clientName.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
  return new Response(progressCsv(progress), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pain-scores-${name}.csv"`,
      "cache-control": "no-store",
    },
  });
});
