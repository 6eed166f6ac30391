import type { Actor } from "@/lib/identity/actor";
import { getDb } from "@/lib/server-db";
import { listComplaints } from "@/lib/outcomes/pain/complaints";
import { listMyDiary } from "@/lib/outcomes/pain/diary";
import { getProgress } from "@/lib/outcomes/pain/progress";
import { PainDiary } from "./pain-diary";
import { YourProgress } from "./your-progress";

/**
 * Reads the diary and progress on the server for the first paint (streamed behind a skeleton),
 * then hands them to react-query. If a read fails here the cards start empty and fetch for
 * themselves, so the client sees the card's own error and retry rather than a broken page.
 */
export async function PainCards({ actor, clientId }: { actor: Actor; clientId: string }) {
  const db = await getDb();
  const [complaints, diary, progress] = await Promise.all([
    listComplaints(db, actor, clientId).catch(() => undefined),
    listMyDiary(db, actor).catch(() => undefined),
    getProgress(db, actor, clientId).catch(() => undefined),
  ]);
  return (
    <>
      <PainDiary timeZone={actor.clinicTimezone} initialComplaints={complaints} initialDiary={diary} />
      <YourProgress timeZone={actor.clinicTimezone} initial={progress} />
    </>
  );
}
