import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { todayFor } from "@/lib/billing/reports";
import { csvResponse, takingsCsv } from "@/lib/billing/report-csv";

export const GET = route(ops.takingsCsv, async ({ db, actor, input }) => {
  const date = input.query.date ?? todayFor(actor);
  return csvResponse(await takingsCsv(db, actor, date), `takings-${date}.csv`);
});
