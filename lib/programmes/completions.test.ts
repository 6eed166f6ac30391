import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { clinics, programmeCompletions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import type { AppError } from "@/lib/errors";
import { listNeedsAttention } from "@/lib/outcomes/pain/list-needs-attention";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import { recordCompletion } from "./record-completion";
import { reviewCompletion } from "./review-completion";
import { setPrecautions } from "@/lib/programmes/safety/set-precautions";
import { setPrecautionsBody } from "@/lib/programmes/safety/schemas";
import { getPortalProgramme } from "./portal";
import { builderData } from "./builder-suggestions";
import { completionBody } from "./portal-schemas";
import { createProgramme } from "./programmes/create-programme";
import { reviseProgramme } from "./programmes/revise-programme";
import { listClientProgrammes } from "./programmes/list-client-programmes";
import { createProgrammeBody, reviseProgrammeBody } from "./schemas";

let t: TestDb;
let therapist: Actor;
let client: Actor;
let otherClient: Actor;
let casey: string;
let tom: string;

// 20:00 UTC on Tuesday 10 March is already Wednesday 11 March, 09:00, in Auckland (NZDT, UTC+13).
const now = new Date("2026-03-10T20:00:00Z");
const dosage = (days: number[]) => ({
  tool: "massage_ball" as const,
  technique: "sustained_pressure" as const,
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 2,
  daysOfWeek: days,
});
const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e as AppError,
  );
const tick = (actor: Actor, body: Record<string, unknown>, at = now) =>
  recordCompletion(t.db, actor, completionBody.parse(body), { now: at });

let programmeId: string;
let levatorItem: string;
let trapItem: string;

beforeAll(async () => {
  t = await freshDb();
  const demo = (await actorFor(t.db, "therapist@demo.test")).clinicId;
  await t.db.update(clinics).set({ timezone: "Pacific/Auckland" }).where(eq(clinics.id, demo));
  therapist = await actorFor(t.db, "therapist@demo.test");
  client = await actorFor(t.db, "client@demo.test");
  otherClient = await actorFor(t.db, "client@other.test", "other-clinic");
  casey = await clientIdByName(t.db, "Casey", "Client");
  tom = await clientIdByName(t.db, "Tom", "Okafor");
  const p = await createProgramme(
    t.db,
    therapist,
    casey,
    createProgrammeBody.parse({
      title: "Shoulders",
      startDate: "2026-03-09",
      items: [
        { exerciseKey: "ball_levator_wall", dosage: dosage([1, 3, 5]) },
        { exerciseKey: "ball_upper_trap_wall", dosage: dosage([2, 4]) },
      ],
    }),
    { now },
  );
  programmeId = p.id;
  levatorItem = p.versions[0]!.items[0]!.id;
  trapItem = p.versions[0]!.items[1]!.id;
});
afterAll(() => t.close());

describe("tick-offs from the portal", () => {
  it("stores the clinic-local date, once per idempotency key", async () => {
    const first = await tick(client, {
      itemId: levatorItem,
      painBefore: 5,
      painAfter: 3,
      idempotencyKey: "tick-abcdef-1",
    });
    expect(first).toMatchObject({ itemId: levatorItem, localDate: "2026-03-11", adverse: false, doneToday: 1 });
    const retry = await tick(client, {
      itemId: levatorItem,
      painBefore: 5,
      painAfter: 3,
      idempotencyKey: "tick-abcdef-1",
    });
    expect(retry.id).toBe(first.id);
    const [{ n }] = (await t.db
      .select({ n: count() })
      .from(programmeCompletions)
      .where(eq(programmeCompletions.idempotencyKey, "tick-abcdef-1"))) as [{ n: number }];
    expect(n).toBe(1);
    // The same key with different answers (the numbness box ticked after a lost reply) is not a retry.
    const changed = await errorOf(
      tick(client, {
        itemId: levatorItem,
        painBefore: 5,
        painAfter: 3,
        adverse: true,
        idempotencyKey: "tick-abcdef-1",
      }),
    );
    expect(changed.code).toBe("CONFLICT");
    const second = await tick(client, { itemId: levatorItem });
    expect(second.doneToday).toBe(2);
  });

  it("shows today's programme with what is asked and done, and this week's adherence", async () => {
    const view = await getPortalProgramme(t.db, client, { now });
    expect(view.date).toBe("2026-03-11");
    // The reference's endangerment zones, in the client's words, beside every exercise.
    expect(view.avoidSites).toEqual(expect.arrayContaining([expect.stringMatching(/^Back of the knee/)]));
    const mine = view.programmes.find((p) => p.id === programmeId)!;
    expect(mine.therapistName).toBe("Tara Therapist");
    const [levator, trap] = mine.items;
    expect(levator).toMatchObject({ prescribedToday: 2, doneToday: 2, toolLabel: "Massage ball", imageUrl: null });
    expect(levator!.targetMuscles[0]!.name).toMatch(/levator/i);
    expect(levator!.stopRules.length).toBeGreaterThan(0);
    expect(trap).toMatchObject({ prescribedToday: 0, doneToday: 0 });
    // Monday 9 to Wednesday 11 March: levator Mon + Wed (2 × 2), trapezius Tue (2) = 6 prescribed, 2 done.
    expect(view.adherenceThisWeek).toEqual({ prescribed: 6, completed: 2, ratio: 2 / 6 });
  });

  it("refuses another client's item (404) and an item the programme no longer holds (409)", async () => {
    const toms = await createProgramme(
      t.db,
      therapist,
      tom,
      createProgrammeBody.parse({
        title: "Tom",
        startDate: "2026-03-09",
        items: [{ exerciseKey: "ball_levator_wall", dosage: dosage([1, 3, 5]) }],
      }),
      { now },
    );
    expect((await errorOf(tick(client, { itemId: toms.versions[0]!.items[0]!.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(tick(otherClient, { itemId: levatorItem }))).code).toBe("NOT_FOUND");
    expect((await errorOf(tick(therapist, { itemId: levatorItem }))).code).toBe("FORBIDDEN");

    const revised = await reviseProgramme(
      t.db,
      therapist,
      programmeId,
      reviseProgrammeBody.parse({
        version: 1,
        startDate: "2026-03-11",
        items: [{ exerciseKey: "ball_levator_wall", dosage: dosage([1, 3, 5]) }],
      }),
      { now },
    );
    expect((await errorOf(tick(client, { itemId: trapItem }))).code).toBe("CONFLICT");
    const newItem = revised.versions[0]!.items[0]!.id;
    // The same exercise in the new version: today's count carries over.
    expect((await tick(client, { itemId: newItem })).doneToday).toBe(3);
    levatorItem = newItem;
  });

  it("puts an adverse report on the needs-attention list until a therapist marks it seen", async () => {
    const report = await tick(client, { itemId: levatorItem, adverse: true, note: "tingling in my fingers" });
    expect(report.adverse).toBe(true);
    expect(report.stopRules[0]).toMatch(/numbness, tingling/);
    const listed = (await listNeedsAttention(t.db, therapist)).find((e) => e.clientId === casey);
    const reason = listed?.reasons.find((r) => r.rule === "adverse_reaction");
    expect(reason).toMatchObject({ completionId: report.id, date: "2026-03-11" });
    expect(reason!.reason).toMatch(
      /^Reported numbness, tingling or shooting pain during .*levator.* on 11 Mar 2026\.$/i,
    );
    const pausedFor = async () =>
      (await getPortalProgramme(t.db, client, { now })).programmes
        .flatMap((p) => p.items)
        .filter((i) => i.pausedForReview)
        .map((i) => i.itemId);
    // The portal pauses that exercise (stop and report) until the therapist has seen the report.
    expect(await pausedFor()).toEqual([levatorItem]);

    expect(
      (await errorOf(reviewCompletion(t.db, await actorFor(t.db, "therapist@other.test", "other-clinic"), report.id)))
        .code,
    ).toBe("NOT_FOUND");
    const seen = await reviewCompletion(t.db, therapist, report.id);
    expect(seen.reviewedAt).toBeTruthy();
    expect((await reviewCompletion(t.db, therapist, report.id)).reviewedAt).toBe(seen.reviewedAt);
    const after = (await listNeedsAttention(t.db, therapist)).find((e) => e.clientId === casey);
    expect(after?.reasons.some((r) => r.rule === "adverse_reaction") ?? false).toBe(false);
    expect(await pausedFor()).toEqual([]);
  });

  it("pauses exercises that a precaution recorded after prescribing now rules out", async () => {
    const paused = async () =>
      (await getPortalProgramme(t.db, client, { now })).programmes
        .flatMap((p) => p.items)
        .map((i) => i.pausedByPrecaution);
    expect((await paused()).every((p) => !p)).toBe(true);
    await setPrecautions(t.db, therapist, casey, setPrecautionsBody.parse({ items: [{ id: "dvt" }] }));
    expect((await paused()).every((p) => p)).toBe(true);
    // The therapist's card says why.
    const card = await listClientProgrammes(t.db, therapist, casey, { now });
    expect(card.programmes[0]!.current.items[0]!.flags).toContainEqual(
      expect.objectContaining({ precaution: "dvt", message: expect.stringMatching(/^Now ruled out/) }),
    );
    await setPrecautions(t.db, therapist, casey, setPrecautionsBody.parse({ items: [] }));
    expect((await paused()).some((p) => p)).toBe(false);
  });

  it("gives the builder the red flags to refer on and the places never to press", async () => {
    const { safetyLists } = await builderData(t.db, therapist, casey);
    expect(safetyLists.redFlags.some((f) => /DVT/.test(f))).toBe(true);
    expect(safetyLists.avoidSites.some((s) => /^Back of the knee/.test(s))).toBe(true);
  });
});
