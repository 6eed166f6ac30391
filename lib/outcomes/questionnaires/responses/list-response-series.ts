import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { questionnaireResponses } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { changeFromBaseline, describeMcid } from "@/lib/outcomes/rules/change";
import { clinicDay } from "@/lib/outcomes/pain/dates";
import { clinicInstruments } from "../instruments";
import type { InstrumentSeries } from "../schemas";

/** Every instrument's scores over time, with change from baseline and the MCID. */
export async function listResponseSeries(db: Db, actor: Actor, clientId: string): Promise<InstrumentSeries[]> {
  if (actor.clientId !== clientId) assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select()
    .from(questionnaireResponses)
    .where(and(clinicScope(actor, questionnaireResponses), eq(questionnaireResponses.clientId, clientId)))
    .orderBy(asc(questionnaireResponses.completedAt));
  const byInstrument = new Map<string, typeof rows>();
  for (const r of rows) byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  const instrumentFor = await clinicInstruments(db, actor.clinicId);
  return [...byInstrument.entries()].map(([id, list]) => {
    const def = instrumentFor(id)!;
    // Unscored responses (too many sections skipped) are listed but take no part in the change.
    const change = changeFromBaseline(
      def,
      list.flatMap((r) =>
        r.score === null ? [] : [{ date: clinicDay(r.completedAt, actor.clinicTimezone), score: r.score }],
      ),
    );
    return {
      instrumentId: id,
      name: def.name,
      direction: def.direction,
      range: def.range,
      responses: list.map((r) => ({
        id: r.id,
        instrumentId: r.instrumentId,
        instrumentVersion: r.instrumentVersion,
        completedAt: r.completedAt.toISOString(),
        score: r.score,
        unscoredReason: r.unscoredReason,
        itemsAnswered: r.itemsAnswered,
        proRated: r.proRated,
        source: r.source,
        answers: r.answers,
        itemLabels: r.itemLabels,
      })),
      mcidReached: change?.mcid?.reachedNow ?? false,
      mcidFirstReachedOn: change?.mcid?.firstReachedOn ?? null,
      mcidRule: describeMcid(def),
      // A rating rates change by itself; a change score needs a later one to compare.
      mcidExplanation:
        change?.mcid && (def.mcid.basis === "rating" || change.baseline !== change.latest)
          ? change.mcid.explanation
          : null,
      mcidRealChangeOnly: change?.mcid?.realChangeOnly ?? false,
    };
  });
}
