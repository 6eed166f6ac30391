import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { attentionSummaries, clients, clinics, complaints, diaryEntries, visitPainScores, visits } from "@/db/schema";
import { actorFor, freshDb, userIdByEmail, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { pageNeedsAttention } from "./attention";
import { listNeedsAttention } from "./list-needs-attention";
import { clinicDay } from "./dates";

// The stored summaries behind "needs attention" (issue 16): every write the rules read must change the list at
// once, and a page must be exactly the head of the whole list.
let t: TestDb;
let therapist: Actor;
let therapistId: string;
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const names = async (now?: Date) =>
  (await pageNeedsAttention(t.db, therapist, null, now)).entries
    .map((e) => e.clientName)
    .filter((n) => n.endsWith("Summary"));

async function client(firstName: string) {
  const [c] = await t.db
    .insert(clients)
    .values({ clinicId: therapist.clinicId, firstName, lastName: "Summary" })
    .returning({ id: clients.id });
  const [complaint] = await t.db
    .insert(complaints)
    .values({ clinicId: therapist.clinicId, clientId: c!.id, title: "Neck pain" })
    .returning({ id: complaints.id });
  return { id: c!.id, complaintId: complaint!.id };
}

async function visit(c: { id: string; complaintId: string }, daysAgo: number, before: number) {
  const [v] = await t.db
    .insert(visits)
    .values({ clinicId: therapist.clinicId, clientId: c.id, therapistUserId: therapistId, startedAt: ago(daysAgo) })
    .returning({ id: visits.id });
  await t.db
    .insert(visitPainScores)
    .values({ clinicId: therapist.clinicId, visitId: v!.id, complaintId: c.complaintId, before, after: 1 });
  return v!.id;
}

let ann: { id: string; complaintId: string };
let bea: { id: string; complaintId: string };
let annLatestVisit: string;

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  therapistId = await userIdByEmail(t.db, "therapist@demo.test");
  // Ann: 2 → 7, six days ago; Bea: 1 → 6, ten days ago. Both worse than baseline; Ann's reason is newer.
  ann = await client("Ann");
  await visit(ann, 20, 2);
  annLatestVisit = await visit(ann, 6, 7);
  bea = await client("Bea");
  await visit(bea, 30, 1);
  await visit(bea, 10, 6);
});
afterAll(() => t.close());

describe("needs attention from stored summaries", () => {
  it("lists the most recent reason first, and a page is the head of the list with the exact total", async () => {
    expect(await names()).toEqual(["Ann Summary", "Bea Summary"]);
    const all = await listNeedsAttention(t.db, therapist);
    const ann1 = all.find((e) => e.clientId === ann.id)!;
    expect(ann1.reasons).toEqual([
      {
        rule: "worse_than_baseline",
        complaintId: ann.complaintId,
        date: clinicDay(ago(6), therapist.clinicTimezone),
        reason: "Neck pain is 5 points worse than at baseline (2 → 7).",
      },
    ]);
    for (const limit of [0, 1, 2, all.length, all.length + 5]) {
      const page = await pageNeedsAttention(t.db, therapist, limit);
      expect(page.total).toBe(all.length);
      expect(page.entries).toEqual(all.slice(0, limit));
    }
  });

  it("follows each write the rules read, in the writer's transaction", async () => {
    const beaRow = () =>
      t.db
        .select({ generation: attentionSummaries.generation, validUntil: attentionSummaries.validUntil })
        .from(attentionSummaries)
        .where(eq(attentionSummaries.clientId, bea.id));
    const [beaBefore] = await beaRow();
    // A high diary score today puts a client with no visits on the list; resolving the complaint takes her off.
    const cat = await client("Cat");
    expect(await names()).not.toContain("Cat Summary");
    await t.db.insert(diaryEntries).values({
      clinicId: therapist.clinicId,
      clientId: cat.id,
      complaintId: cat.complaintId,
      entryDate: clinicDay(new Date(), therapist.clinicTimezone),
      score: 9,
    });
    expect(await names()).toContain("Cat Summary");
    await t.db
      .update(complaints)
      .set({ status: "resolved" })
      .where(and(eq(complaints.clinicId, therapist.clinicId), eq(complaints.id, cat.complaintId)));
    expect(await names()).not.toContain("Cat Summary");

    // Archiving hides Ann; restoring brings her back; a rename shows at once.
    const setAnn = (values: Partial<typeof clients.$inferInsert>) =>
      t.db
        .update(clients)
        .set(values)
        .where(and(eq(clients.clinicId, therapist.clinicId), eq(clients.id, ann.id)));
    await setAnn({ archivedAt: new Date() });
    expect(await names()).toEqual(["Bea Summary"]);
    await setAnn({ archivedAt: null, preferredName: "Annie" });
    expect(await names()).toEqual(["Annie Summary", "Bea Summary"]);

    // Ann's latest score corrected from 7 to 3 is no longer 2 points worse; moved back to 30 days ago, her
    // visits read 7 → 2, and the 7 becomes her baseline.
    await t.db.update(visitPainScores).set({ before: 3 }).where(eq(visitPainScores.visitId, annLatestVisit));
    expect(await names()).toEqual(["Bea Summary"]);
    await t.db.update(visitPainScores).set({ before: 7 }).where(eq(visitPainScores.visitId, annLatestVisit));
    expect(await names()).toEqual(["Annie Summary", "Bea Summary"]);
    await t.db
      .update(visits)
      .set({ startedAt: ago(30) })
      .where(eq(visits.id, annLatestVisit));
    expect(await names()).toEqual(["Bea Summary"]);

    // Only the rows a write touched are recomputed: the others keep their generation.
    expect(await beaRow()).toEqual([{ generation: beaBefore!.generation, validUntil: beaBefore!.validUntil }]);
    expect(beaBefore!.validUntil).not.toBeNull();
  });

  it("drops a reason that only held in the recent window once the clinic's date moves past it", async () => {
    const dee = await client("Dee");
    await t.db.insert(diaryEntries).values({
      clinicId: therapist.clinicId,
      clientId: dee.id,
      complaintId: dee.complaintId,
      entryDate: clinicDay(ago(6), therapist.clinicTimezone),
      score: 8,
    });
    expect(await names()).toContain("Dee Summary");
    // Two days on, the score is 8 days old: outside the 7-day window of rule 3.
    expect(await names(new Date(Date.now() + 2 * DAY))).not.toContain("Dee Summary");
    expect(await names()).toContain("Dee Summary");
  });

  it("recomputes every summary of a clinic whose time zone changes", async () => {
    await t.db.update(clinics).set({ timezone: "Pacific/Auckland" }).where(eq(clinics.id, therapist.clinicId));
    const rows = await t.db
      .select({ validUntil: attentionSummaries.validUntil })
      .from(attentionSummaries)
      .where(eq(attentionSummaries.clinicId, therapist.clinicId));
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.validUntil === null)).toBe(true);
  });
});
