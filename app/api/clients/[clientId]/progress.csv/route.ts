import { route } from "@/lib/http/route";
import * as ops from "@/lib/outcomes/operations-pain";
import { getProgress, progressCsv } from "@/lib/outcomes/pain/progress";
import { listResponseSeries } from "@/lib/outcomes/questionnaires/responses/list-response-series";
import { clinicDay } from "@/lib/outcomes/pain/dates";

export const GET = route(ops.getProgressCsv, async ({ db, actor, input }) => {
  // The export is the whole history, not the page's window.
  const progress = await getProgress(db, actor, input.params.clientId, "all");
  const series = await listResponseSeries(db, actor, input.params.clientId);
  // Unscored responses (too many sections skipped) have no number to export.
  const questionnaires = series.flatMap((s) =>
    s.responses.flatMap((r) =>
      r.score === null
        ? []
        : [
            {
              name: s.name,
              date: clinicDay(new Date(r.completedAt), actor.clinicTimezone),
              score: r.score,
              range: s.range,
            },
          ],
    ),
  );
  const name = progress.clientName.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
  return new Response(progressCsv(progress, questionnaires), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="pain-scores-${name}.csv"`,
      "cache-control": "no-store",
    },
  });
});
