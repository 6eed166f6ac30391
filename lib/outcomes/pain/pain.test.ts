import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { diaryEntries, findings, visitPainScores } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { signVisit } from "@/lib/clinical/visits/sign-visit";
import { createComplaint } from "./complaints/create-complaint";
import { listComplaints } from "./complaints/list-complaints";
import { addDiaryEntry } from "./add-diary-entry";
import { setVisitPain } from "./set-visit-pain";
import { getProgress, progressCsv } from "./progress";
import { listNeedsAttention } from "./list-needs-attention";
import { diaryEntryBody } from "./schemas";
import { clinicDay } from "./dates";

let t: TestDb;
let therapist: Actor;
let client: Actor;
let casey: string;
let complaintId: string;

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  client = await actorFor(t.db, "client@demo.test");
  casey = await clientIdByName(t.db, "Casey", "Client");
  complaintId = (
    await createComplaint(t.db, therapist, casey, { title: "Neck pain", regions: ["neck_back_r"], onsetDate: null })
  ).id;
});
afterAll(() => t.close());

const entry = (over: Record<string, unknown> = {}) => diaryEntryBody.parse({ complaintId, score: 6, ...over });
const daysAgo = (n: number) => clinicDay(new Date(Date.now() - n * 86_400_000), therapist.clinicTimezone);

describe("pain diary", () => {
  it("keeps one entry per complaint per day; a second needs confirmation and then replaces", async () => {
    const date = daysAgo(3);
    await addDiaryEntry(t.db, client, entry({ date, score: 6, note: "after gardening" }));
    const err = await addDiaryEntry(t.db, client, entry({ date, score: 4 })).then(
      () => null,
      (e) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFLICT");
    expect((err as AppError).details?.existing).toMatchObject({ score: 6, note: "after gardening" });
    const replaced = await addDiaryEntry(t.db, client, entry({ date, score: 4, replace: true }));
    expect(replaced).toMatchObject({ replaced: true, entry: { score: 4 } });
    const rows = await t.db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.complaintId, complaintId), eq(diaryEntries.entryDate, date)));
    expect(rows.map((r) => r.score)).toEqual([4]);
  });

  it("lets exactly one of two simultaneous first entries in", async () => {
    const date = daysAgo(5);
    const results = await Promise.allSettled([
      addDiaryEntry(t.db, client, entry({ date, score: 2 })),
      addDiaryEntry(t.db, client, entry({ date, score: 3 })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rows = await t.db
      .select()
      .from(diaryEntries)
      .where(and(eq(diaryEntries.complaintId, complaintId), eq(diaryEntries.entryDate, date)));
    expect(rows).toHaveLength(1);
  });

  it("refuses scores outside 0–10 and days in the future, in the schema and the database", async () => {
    expect(diaryEntryBody.safeParse({ complaintId, score: 11 }).error?.issues[0]?.message).toBe(
      "Pain scores run from 0 (no pain) to 10 (worst imaginable).",
    );
    expect(diaryEntryBody.safeParse({ complaintId, score: 2.5 }).success).toBe(false);
    const future = await addDiaryEntry(t.db, client, entry({ date: daysAgo(-2) })).then(
      () => null,
      (e) => e,
    );
    expect((future as AppError).code).toBe("INVALID");
    const direct = await t.db
      .execute(sql`update diary_entries set score = 11 where complaint_id = ${complaintId}`)
      .then(
        () => null,
        (e) => e,
      );
    expect(sqlState(direct)).toBe("23514");
  });

  it("is private to the client: another client's complaint is not found", async () => {
    const other = await createComplaint(t.db, therapist, await clientIdByName(t.db, "Priya", "Shah"), {
      title: "Hip",
      regions: [],
      onsetDate: null,
    });
    const err = await addDiaryEntry(t.db, client, entry({ complaintId: other.id })).then(
      () => null,
      (e) => e,
    );
    expect((err as AppError).code).toBe("NOT_FOUND");
    const stranger = await actorFor(t.db, "client@other.test", "other-clinic");
    // Another clinic's client holds no clinical permission at all.
    expect(
      (
        (await listComplaints(t.db, stranger, casey).then(
          () => null,
          (e) => e,
        )) as AppError
      ).code,
    ).toBe("FORBIDDEN");
  });
});

describe("visit scores, progress and attention", () => {
  it("records NPRS before/after on a draft visit and locks them when signed", async () => {
    const { id } = await createVisit(t.db, therapist, casey, {
      startedAt: new Date(Date.now() - 20 * 86_400_000).toISOString(),
    });
    await setVisitPain(t.db, therapist, id, { scores: [{ complaintId, before: 8, after: 5 }] });
    // Casey's demo history carries open points forward; this test is about pain scores.
    await t.db.update(findings).set({ status: "not_checked" }).where(eq(findings.visitId, id));
    await signVisit(t.db, therapist, id, { version: 1 });
    const err = await t.db
      .update(visitPainScores)
      .set({ before: 1 })
      .where(eq(visitPainScores.visitId, id))
      .then(
        () => null,
        (e) => e,
      );
    expect(sqlState(err)).toBe("55000");
    expect(
      (
        (await setVisitPain(t.db, therapist, id, { scores: [] }).then(
          () => null,
          (e) => e,
        )) as AppError
      ).code,
    ).toBe("CONFLICT");
  });

  it("shows change from the first score and when the MCID was first reached", async () => {
    await addDiaryEntry(t.db, client, entry({ date: daysAgo(1), score: 3 }));
    const progress = await getProgress(t.db, therapist, casey);
    const neck = progress.complaints.find((c) => c.id === complaintId)!;
    expect(neck.baseline?.score).toBe(8);
    expect(neck.latest).toMatchObject({ score: 3, date: daysAgo(1) });
    expect(neck.mcidReached).toBe(true);
    // 8 → 4 (three days ago) is the first fall of ≥ 2 points.
    expect(neck.mcidFirstReachedOn).toBe(daysAgo(5) < daysAgo(3) ? daysAgo(5) : daysAgo(3));
    expect(neck.summary).toMatch(/^Your neck pain is down from 8 to 3 since /);
    expect(progressCsv(progress)).toContain("Casey Client,Neck pain");
    expect(
      progressCsv(progress, [{ name: "PSFS", date: "2026-11-01", score: 4.5, range: { min: 0, max: 10 } }]),
    ).toContain("Casey Client,PSFS,2026-11-01,questionnaire,,,4.5,range 0-10");
    const mine = await getProgress(t.db, client, casey);
    expect(mine.tenderness).toEqual([]);
  });

  it("lists a client with a diary score of 7 or more as needing attention, saying why", async () => {
    const knee = await createComplaint(t.db, therapist, casey, { title: "Knee pain", regions: [], onsetDate: null });
    await addDiaryEntry(t.db, client, diaryEntryBody.parse({ complaintId: knee.id, score: 8 }));
    const list = await listNeedsAttention(t.db, therapist);
    const entryFor = list.find((e) => e.clientId === casey);
    expect(entryFor?.reasons.map((r) => r.rule)).toContain("high_self_report");
    expect(entryFor?.reasons.find((r) => r.rule === "high_self_report")?.reason).toMatch(/8/);
  });
});
