import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, gte, inArray } from "drizzle-orm";
import { clients, complaints, diaryEntries, visitPainScores, visits } from "@/db/schema";
import { actorFor, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { displayName } from "@/lib/clients/format";
import { needsAttention, type AttentionInput } from "@/lib/outcomes/rules/attention";
import { listNeedsAttention } from "./list-needs-attention";
import { clinicDay } from "./dates";

let t: TestDb;
let therapist: Actor;

const DAY = 86_400_000;
/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let x = seed;
  return (n: number) => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x % n;
  };
}

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  const therapistId = await userIdByEmail(t.db, "therapist@demo.test");
  const rand = lcg(16);
  // 30 clients with long, varied histories: visits over two years (some without a score, some today or
  // later today), diary scores over 90 days, some complaints resolved and some clients archived.
  for (let i = 0; i < 30; i++) {
    const [c] = await t.db
      .insert(clients)
      .values({
        clinicId: therapist.clinicId,
        firstName: `Growth${i}`,
        lastName: "Client",
        archivedAt: i % 13 === 12 ? new Date() : null,
      })
      .returning({ id: clients.id });
    for (let k = 0; k < 1 + (i % 2); k++) {
      const [complaint] = await t.db
        .insert(complaints)
        .values({
          clinicId: therapist.clinicId,
          clientId: c!.id,
          title: `Complaint ${i}.${k}`,
          status: i % 7 === 6 ? "resolved" : "open",
        })
        .returning({ id: complaints.id });
      const visitCount = rand(12);
      for (let v = 0; v < visitCount; v++) {
        const ago = v === 0 && i % 5 === 0 ? 0 : 700 - v * (20 + rand(60));
        const [visit] = await t.db
          .insert(visits)
          .values({
            clinicId: therapist.clinicId,
            clientId: c!.id,
            therapistUserId: therapistId,
            startedAt: new Date(Date.now() - Math.max(0, ago) * DAY - rand(5) * 3_600_000),
          })
          .returning({ id: visits.id });
        const before = rand(6) === 0 ? null : rand(11);
        await t.db.insert(visitPainScores).values({
          clinicId: therapist.clinicId,
          visitId: visit!.id,
          complaintId: complaint!.id,
          before,
          after: before === null ? null : Math.max(0, before - rand(4)),
        });
      }
      const days = new Set(Array.from({ length: rand(15) }, () => rand(90)));
      for (const ago of days) {
        await t.db.insert(diaryEntries).values({
          clinicId: therapist.clinicId,
          clientId: c!.id,
          complaintId: complaint!.id,
          entryDate: clinicDay(new Date(Date.now() - ago * DAY), therapist.clinicTimezone),
          score: rand(11),
        });
      }
    }
  }
});
afterAll(() => t.close());

/** The rules over every score and diary entry of every open complaint: what the list said before the rewrite. */
async function everything(actor: Actor) {
  const tz = actor.clinicTimezone;
  const open = await t.db
    .select({
      id: complaints.id,
      clientId: complaints.clientId,
      title: complaints.title,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
      archivedAt: clients.archivedAt,
    })
    .from(complaints)
    .innerJoin(clients, and(eq(clients.clinicId, complaints.clinicId), eq(clients.id, complaints.clientId)))
    .where(and(eq(complaints.clinicId, actor.clinicId), eq(complaints.status, "open")));
  const live = open.filter((c) => c.archivedAt === null);
  const ids = live.map((c) => c.id);
  const scores = await t.db
    .select({ complaintId: visitPainScores.complaintId, startedAt: visits.startedAt, before: visitPainScores.before })
    .from(visitPainScores)
    .innerJoin(visits, and(eq(visits.clinicId, visitPainScores.clinicId), eq(visits.id, visitPainScores.visitId)))
    .where(inArray(visitPainScores.complaintId, ids));
  const diary = await t.db
    .select({ complaintId: diaryEntries.complaintId, date: diaryEntries.entryDate, score: diaryEntries.score })
    .from(diaryEntries)
    .where(
      and(
        inArray(diaryEntries.complaintId, ids),
        gte(diaryEntries.entryDate, clinicDay(new Date(Date.now() - 60 * DAY), tz)),
      ),
    );
  const byClient = new Map<string, AttentionInput>();
  for (const c of live) {
    const input = byClient.get(c.clientId) ?? { clientId: c.clientId, clientName: displayName(c), complaints: [] };
    const v = scores.filter((s) => s.complaintId === c.id).sort((a, b) => +a.startedAt - +b.startedAt);
    input.complaints.push({
      id: c.id,
      label: c.title,
      visitCount: v.length,
      visits: v.map((s) => ({ date: clinicDay(s.startedAt, tz), before: s.before, after: null })),
      selfReports: diary
        .filter((d) => d.complaintId === c.id)
        .map((d) => ({ date: d.date, score: d.score, source: "diary" as const })),
    });
    byClient.set(c.clientId, input);
  }
  return needsAttention([...byClient.values()], { asOf: clinicDay(new Date(), tz) });
}

const sorted = <T extends { clientId: string }>(xs: T[]) =>
  [...xs].sort((a, b) => a.clientId.localeCompare(b.clientId));

describe("needs-attention over bounded SQL inputs", () => {
  it("gives the same entries and reasons as the rules over every score the clinic holds", async () => {
    const expected = await everything(therapist);
    expect(expected.length).toBeGreaterThan(5);
    const rules = new Set(expected.flatMap((e) => e.reasons.map((r) => r.rule)));
    expect([...rules].sort()).toEqual([
      "flare",
      "high_self_report",
      "no_meaningful_improvement",
      "worse_than_baseline",
    ]);
    const actual = (await listNeedsAttention(t.db, therapist)).filter((e) => e.clientName.startsWith("Growth"));
    expect(sorted(actual)).toEqual(sorted(expected));
  });
});
