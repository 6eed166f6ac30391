import { route } from "@/lib/http/route";
import * as ops from "@/lib/billing/operations-reports";
import { ageingCsv } from "@/lib/billing/reports/ageing-csv";
import { csvResponse } from "@/lib/billing/reports/csv";

export const GET = route(ops.ageingCsv, async ({ db, actor }) =>
  csvResponse(await ageingCsv(db, actor), "unpaid-ageing.csv"),
);
