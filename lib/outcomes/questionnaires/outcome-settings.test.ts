import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, questionnaireResponses } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { getOutcomeSettings } from "./get-outcome-settings";
import { updateOutcomeSettings } from "./update-outcome-settings";
import { listResponseSeries } from "./responses/list-response-series";
import { submitResponse } from "./responses/submit-response";
import { instrumentForClinic } from "./instruments";
import { setInstrumentWording } from "./set-instrument-wording";
import { outcomeSettingsBody, submitBody } from "./schemas";

/*
 * Clinic choices from reference v2: the NDI threshold (10 points by default, Vernon's 5 as an option)
 * and how many NDI/ODI sections may be skipped (1 by default); more skipped than allowed → the
 * answers are kept with no score and the reason.
 */
let t: TestDb;
let therapist: Actor;
let admin: Actor;
let client: Actor;
let casey: string;

const code = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e.code,
  );

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  admin = await actorFor(t.db, "admin@demo.test");
  client = await actorFor(t.db, "client@demo.test");
  casey = await clientIdByName(t.db, "Casey", "Client");
  for (const id of ["ndi", "odi"]) {
    const { def } = await instrumentForClinic(t.db, therapist.clinicId, id);
    const items = Object.fromEntries(
      def.items.map((i) => [i.id, { prompt: `Licensed wording for ${i.title}`, options: { "0": "none" } }]),
    );
    await setInstrumentWording(t.db, therapist, id, { items, licenceNote: "test licence" });
  }
});
afterAll(() => t.close());

/** NDI answers: `answered` sections at `value`, the rest skipped. */
async function ndiAnswers(answered: number, value: number) {
  const { def } = await instrumentForClinic(t.db, therapist.clinicId, "ndi");
  return Object.fromEntries(def.items.map((i, n) => [i.id, n < answered ? value : null]));
}

describe("outcome settings", () => {
  it("default to the reference: NDI 10 points, at most 1 skipped section", async () => {
    expect(await getOutcomeSettings(t.db, therapist)).toEqual({ ndiThresholdPoints: 10, maxSkippedSections: 1 });
    expect((await instrumentForClinic(t.db, therapist.clinicId, "odi")).dto.maxSkipped).toBe(1);
  });

  it("refuses values outside the choices, and clients cannot change them", async () => {
    expect(outcomeSettingsBody.safeParse({ ndiThresholdPoints: 7, maxSkippedSections: 1 }).success).toBe(false);
    expect(outcomeSettingsBody.safeParse({ ndiThresholdPoints: 10, maxSkippedSections: 4 }).success).toBe(false);
    expect(await code(updateOutcomeSettings(t.db, client, { ndiThresholdPoints: 5, maxSkippedSections: 3 }))).toBe(
      "FORBIDDEN",
    );
  });

  it("stores a response with too many skipped sections with no score and the reason", async () => {
    const r = await submitResponse(
      t.db,
      therapist,
      casey,
      submitBody.parse({ instrumentId: "ndi", answers: await ndiAnswers(8, 2) }),
    );
    expect(r.score).toBeNull();
    expect(r.unscoredReason).toBe(
      "2 sections were skipped (Sleeping, Recreation); at most 1 can be skipped for the score to be pro-rated.",
    );
    const [row] = await t.db
      .select()
      .from(questionnaireResponses)
      .where(and(eq(questionnaireResponses.clinicId, therapist.clinicId), eq(questionnaireResponses.id, r.id)));
    expect(row).toMatchObject({ score: null, itemsAnswered: 8, proRated: false });
    const ndi = (await listResponseSeries(t.db, therapist, casey)).find((s) => s.instrumentId === "ndi");
    expect(ndi?.responses.at(-1)).toMatchObject({ score: null, unscoredReason: r.unscoredReason });
  });

  it("a wrong answer is still a 400, never an unscored response", async () => {
    const answers = { ...(await ndiAnswers(8, 2)), pain_intensity: 9 };
    expect(await code(submitResponse(t.db, therapist, casey, submitBody.parse({ instrumentId: "ndi", answers })))).toBe(
      "INVALID",
    );
  });

  it("a clinic that allows more skipped sections gets a pro-rated score, and the NDI threshold can be 5", async () => {
    const saved = await updateOutcomeSettings(t.db, admin, { ndiThresholdPoints: 5, maxSkippedSections: 2 });
    expect(saved).toEqual({ ndiThresholdPoints: 5, maxSkippedSections: 2 });
    const [event] = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.clinicId, admin.clinicId), eq(auditEvents.action, "clinic.outcome_settings_updated")));
    expect(event?.details).toEqual({
      ndiThresholdPoints: { from: 10, to: 5 },
      maxSkippedSections: { from: 1, to: 2 },
    });

    // 8 sections × 3 = 24 of 40 → 30 / 50; then all ten at 2 = 20 / 50: a fall of 10.
    const first = await submitResponse(
      t.db,
      therapist,
      casey,
      submitBody.parse({ instrumentId: "ndi", answers: await ndiAnswers(8, 3) }),
    );
    expect(first).toMatchObject({ score: 30, proRated: true, unscoredReason: null });
    await submitResponse(
      t.db,
      therapist,
      casey,
      submitBody.parse({ instrumentId: "ndi", answers: await ndiAnswers(10, 2) }),
    );
    const ndi = (await listResponseSeries(t.db, therapist, casey)).find((s) => s.instrumentId === "ndi");
    expect(ndi).toMatchObject({
      mcidReached: true,
      mcidExplanation:
        "\u221210 points ≥ 5 (clinic setting: Vernon's 5 points for uncomplicated neck pain; MDC 5; MCID 5)",
    });
    expect((await instrumentForClinic(t.db, therapist.clinicId, "ndi")).dto.maxSkipped).toBe(2);
    // Other clinics keep the reference defaults.
    const other = await actorFor(t.db, "therapist@other.test", "other-clinic");
    expect(await getOutcomeSettings(t.db, other)).toEqual({ ndiThresholdPoints: 10, maxSkippedSections: 1 });
  });

  it("with the default 10 points, a fall of 8 on the NDI is not meaningful (v1's 7.5 would have called it so)", async () => {
    await updateOutcomeSettings(t.db, admin, { ndiThresholdPoints: 10, maxSkippedSections: 2 });
    const { def } = await instrumentForClinic(t.db, therapist.clinicId, "ndi");
    // Eight sections at 2 and two at 3: 22 / 50, against the baseline of 30.
    const answers = Object.fromEntries(def.items.map((i, n) => [i.id, n < 8 ? 2 : 3]));
    await submitResponse(t.db, therapist, casey, submitBody.parse({ instrumentId: "ndi", answers }));
    const ndi = (await listResponseSeries(t.db, therapist, casey)).find((s) => s.instrumentId === "ndi");
    expect(ndi).toMatchObject({
      mcidReached: false,
      mcidExplanation: "\u22128 points < 10 (Young 2009 threshold; MDC 10.2; MCID 7.5)",
    });
  });
});
