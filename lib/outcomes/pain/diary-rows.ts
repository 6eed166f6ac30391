import "server-only";
import type { diaryEntries } from "@/db/schema";
import type { DiaryEntryDto } from "./schemas";

/** A diary row as the API returns it: listing the diary and adding to it. */
export const toDiaryEntryDto = (r: typeof diaryEntries.$inferSelect): DiaryEntryDto => ({
  id: r.id,
  complaintId: r.complaintId,
  date: r.entryDate,
  score: r.score,
  note: r.note,
});
