import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import { call, ops } from "@/app/_lib/api-client";
import type { DiaryEntryDto, diaryEntryBody } from "@/lib/outcomes/pain/schemas";

/** Everything under ["portal"] is the signed-in client's own data. */
export const portalKeys = {
  all: ["portal"] as const,
  complaints: ["portal", "complaints"] as const,
  diary: ["portal", "diary"] as const,
  progress: ["portal", "progress"] as const,
};

export function myComplaintsQuery() {
  return queryOptions({
    queryKey: portalKeys.complaints,
    queryFn: ({ signal }) => call(ops.getMyComplaints, { signal }),
  });
}

/** The client's diary, newest first (the server keeps the last 120 days). */
export function myDiaryQuery() {
  return queryOptions({
    queryKey: portalKeys.diary,
    queryFn: ({ signal }) => call(ops.getMyDiary, { signal }),
  });
}

/** The client's progress: the latest window of weeks, then each earlier one they ask for (issue 16). */
export function myProgressQuery() {
  return infiniteQueryOptions({
    queryKey: portalKeys.progress,
    queryFn: ({ pageParam, signal }) =>
      call(ops.getMyProgress, { query: pageParam ? { before: pageParam } : {}, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.window.earlier,
  });
}

export type DiaryEntryInput = z.input<typeof diaryEntryBody>;

/**
 * Saves a score for today (the server picks the clinic-local day when none is sent).
 * A 409 ApiError carries `details.existing` when the day already has an entry.
 */
export function saveDiaryEntry(body: DiaryEntryInput) {
  return call(ops.addDiaryEntry, { body });
}

/** Puts a saved entry into the cached diary so the list updates before the refetch lands. */
export function mergeDiaryEntry(list: DiaryEntryDto[] | undefined, entry: DiaryEntryDto): DiaryEntryDto[] | undefined {
  if (!list) return list;
  const rest = list.filter((e) => !(e.complaintId === entry.complaintId && e.date === entry.date));
  return [entry, ...rest].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
