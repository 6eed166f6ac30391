"use client";
import "@/app/_lib/zod-browser";
import { useEffect, useId, useRef, useState, type BaseSyntheticEvent } from "react";
import { Controller, useForm } from "react-hook-form";
import { int, maximum, maxLength, minimum, nullable, object, refine, string, trim } from "zod/mini";
import { zodResolver } from "@hookform/resolvers/zod";
import type { input } from "zod/mini";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import { mergeDiaryEntry, portalKeys, saveDiaryEntry, type DiaryEntryInput } from "@/app/_lib/queries/portal";
import { Button } from "@/app/_components/ui/button";
import type { ComplaintDto, DiaryEntryDto } from "@/lib/outcomes/pain/schemas";
import { ScorePicker } from "./score-picker";
import { RecentEntries } from "./recent-entries";
import { ReplacePrompt } from "./replace-prompt";
import { Score } from "./score";
import { inSentence } from "./days";
import { useHydrated } from "./use-hydrated";

interface Pending {
  score: number;
  note: string;
}

/**
 * The score and note of diaryEntryBody, written out here rather than picked from it:
 * lib/outcomes/pain/schemas takes its 0–10 range from the instrument reference (the seed JSON),
 * far too heavy for the portal's bundle (issue #16). In zod/mini, which the bundler shakes
 * better than classic zod (~5 KB gzip less here; zod's core stays). The server validates the
 * whole body again and has the final word.
 */
const formSchema = object({
  score: nullable(int().check(minimum(0), maximum(10))).check(
    refine((s) => s !== null, "Choose a number from 0 to 10 first."),
  ),
  note: string().check(trim(), maxLength(1000, "Keep the note under 1,000 characters.")),
});
type Values = input<typeof formSchema>;

/** Plain words for what went wrong, and what to do about it. */
function describeError(err: unknown): string {
  if (!(err instanceof ApiError)) return "Something went wrong and your score was not saved. Please try again.";
  if (err.status === 0)
    return "Your score was not saved: we could not reach the clinic. Check your connection and press Save again.";
  if (err.status === 401)
    return "You have been signed out, so your score was not saved. Sign in again and try once more.";
  if (err.status === 404)
    return "This is no longer on your record, so the score was not saved. Reload the page to see your current list.";
  const field = Object.values(err.fieldErrors)[0]?.[0];
  return `Your score was not saved. ${field ?? err.message}`;
}

/**
 * One complaint's question, answer and last week. Saving never sends `replace` on its own:
 * when the day already has a score (perhaps from another device) the server answers 409 and
 * the client confirms before anything is overwritten.
 */
export function ComplaintDiary({
  complaint,
  entries,
  today,
}: {
  complaint: ComplaintDto;
  entries: DiaryEntryDto[];
  today: string;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const todays = entries.find((e) => e.date === today) ?? null;
  const [editing, setEditing] = useState(false);
  const form = useForm<Values>({ resolver: zodResolver(formSchema), defaultValues: { score: null, note: "" } });
  // The server's refusal in plain words (describeError); a refused field is marked as well.
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ existing: DiaryEntryDto; pending: Pending } | null>(null);
  const [thanks, setThanks] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();
  const showForm = editing || !todays;

  const save = useMutation({
    mutationFn: (body: DiaryEntryInput) => saveDiaryEntry(body),
    onSuccess: ({ entry }) => {
      queryClient.setQueryData<DiaryEntryDto[]>(portalKeys.diary, (list) => mergeDiaryEntry(list, entry));
      void queryClient.invalidateQueries({ queryKey: portalKeys.diary });
      void queryClient.invalidateQueries({ queryKey: portalKeys.progress });
      setConflict(null);
      setEditing(false);
      setThanks(true);
    },
    onError: (err, body) => {
      const existing =
        err instanceof ApiError && err.status === 409 ? (err.details.existing as DiaryEntryDto | undefined) : undefined;
      if (!existing) {
        // The picker is marked; the sentence says what to do (a refused field comes first in it).
        applyFieldErrors(err, form.setError);
        return setProblem(describeError(err));
      }
      // The earlier score may come from another device: show it, and keep this form open.
      queryClient.setQueryData<DiaryEntryDto[]>(portalKeys.diary, (list) => mergeDiaryEntry(list, existing));
      setEditing(true);
      setConflict({ existing, pending: { score: body.score, note: body.note ?? "" } });
    },
  });

  // The form (and the button that had focus) is gone after a save: keep keyboard and
  // screen-reader users in place by moving focus to the saved answer.
  useEffect(() => {
    if (thanks) summaryRef.current?.focus();
  }, [thanks]);

  function submit(e: BaseSyntheticEvent) {
    setThanks(false);
    void form.handleSubmit((v) => {
      setProblem(null);
      save.mutate({ complaintId: complaint.id, score: v.score!, note: v.note });
    })(e);
  }

  function startChange() {
    setThanks(false);
    setProblem(null);
    form.reset({ score: todays?.score ?? null, note: todays?.note ?? "" });
    setEditing(true);
  }

  function keep() {
    setConflict(null);
    setEditing(false);
    form.reset({ score: null, note: form.getValues("note") });
  }

  const { errors } = form.formState;
  // The server's refusal, or the form's own check, in the one alert.
  const message = problem ?? errors.score?.message ?? errors.note?.message;

  const question = `How much does your ${inSentence(complaint.title)} hurt today?`;
  return (
    <section aria-labelledby={`${id}-q`} className="space-y-3 border-t border-line pt-5 first:border-t-0 first:pt-0">
      <h3 id={`${id}-q`} className="text-lg leading-snug font-semibold text-ink">
        {question}
      </h3>

      {showForm ? (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-q`}>
          <fieldset disabled={!hydrated} className="m-0 min-w-0 space-y-4 border-0 p-0">
            <p id={`${id}-anchors`} className="text-sm text-muted">
              0 = no pain, 10 = worst imaginable
            </p>
            <Controller
              control={form.control}
              name="score"
              render={({ field, fieldState }) => (
                <ScorePicker
                  name={`score-${complaint.id}`}
                  value={field.value}
                  onChange={(n) => {
                    field.onChange(n);
                    setProblem(null);
                  }}
                  labelledBy={`${id}-q`}
                  describedBy={`${id}-anchors`}
                  invalid={!!fieldState.error}
                />
              )}
            />
            <div>
              <label htmlFor={`${id}-note`} className="mb-1 block text-sm font-medium text-ink">
                Anything to add? <span className="font-normal text-muted">(optional)</span>
              </label>
              <textarea
                id={`${id}-note`}
                {...form.register("note")}
                rows={2}
                maxLength={1000}
                placeholder="For example: worse after a long day at the desk"
                className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-ink placeholder:text-stone-500 focus:border-accent-600"
              />
            </div>
            {message ? (
              <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger">
                {message}
              </p>
            ) : null}
            {conflict ? (
              <ReplacePrompt
                existing={conflict.existing.score}
                proposed={conflict.pending.score}
                busy={save.isPending}
                onReplace={() => save.mutate({ complaintId: complaint.id, ...conflict.pending, replace: true })}
                onKeep={keep}
              />
            ) : (
              <div className="flex flex-col gap-2 sm:flex-row">
                <Button type="submit" busy={save.isPending} className="min-h-12 w-full text-base sm:w-auto">
                  Save
                </Button>
                {editing ? (
                  <Button type="button" variant="ghost" className="min-h-12 w-full sm:w-auto" onClick={keep}>
                    Cancel
                  </Button>
                ) : null}
              </div>
            )}
          </fieldset>
        </form>
      ) : (
        <div
          ref={summaryRef}
          tabIndex={-1}
          className="flex flex-wrap items-center justify-between gap-3 rounded-lg bg-accent-50 px-4 py-3"
        >
          <p className="text-base text-ink">
            Today: <Score value={todays!.score} className="text-lg font-semibold" />
            {todays!.note ? <span className="block text-sm text-muted">“{todays!.note}”</span> : null}
          </p>
          <Button type="button" variant="secondary" onClick={startChange} disabled={!hydrated}>
            Change it
          </Button>
        </div>
      )}

      {/* Always in the page, so the thank-you is announced when it appears. */}
      <div role="status" aria-live="polite">
        {thanks ? <p className="text-sm font-medium text-ok">✓ Saved — thank you.</p> : null}
      </div>

      <RecentEntries entries={entries} today={today} title={complaint.title} />
    </section>
  );
}
