"use client";
import "@/app/_lib/zod-browser";
import { useEffect, useId, useRef, useState, type BaseSyntheticEvent } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import {
  applyCompletion,
  completeItem,
  newIdempotencyKey,
  portalProgrammeKeys,
  type CompletionBody,
  type CompletionDto,
} from "@/app/_lib/queries/portal-programme";
import { completionBody, type PortalItem } from "@/lib/programmes/portal-schemas";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { ScorePicker } from "@/app/portal/_components/score-picker";
import { StopRules } from "./stop-rules";

const FIELDS = ["painBefore", "painAfter", "note", "adverse"] as const;
type FieldName = (typeof FIELDS)[number];
const formSchema = completionBody.pick({ painBefore: true, painAfter: true, note: true, adverse: true });
type Values = z.input<typeof formSchema>;

/** Plain words for a failure that is not about one field, and whether trying again can help. */
function describe(err: unknown): { message: string; retry: boolean } {
  if (!(err instanceof ApiError))
    return { message: "Something went wrong and this was not saved. Please try again.", retry: true };
  if (err.status === 0)
    return {
      message: "This was not saved: we could not reach the clinic. Check your connection and try again.",
      retry: true,
    };
  if (err.status === 401)
    return {
      message: "You have been signed out, so this was not saved. Sign in again and try once more.",
      retry: false,
    };
  if (err.status === 404)
    return {
      message:
        "This exercise has changed since you opened it, so this was not saved. Go back to today's list to see your current programme.",
      retry: false,
    };
  if (err.status === 409) return { message: `This was not saved. ${err.message}`, retry: false };
  if (err.status >= 500)
    return {
      message: "The clinic's system had a problem and this was not saved. Please try again in a moment.",
      retry: true,
    };
  return { message: `This was not saved. ${err.fieldErrors.itemId?.[0] ?? err.message}`, retry: false };
}

/**
 * "Mark as done": how tender the spot was before and after (optional), a note, and the
 * numbness box. Ticking the box shows the stop rules at once, before anything is sent; the
 * server then flags the therapist. One idempotency key per tick-off, so a double tap or a
 * retry after a dropped connection is stored once.
 */
export function CompletionForm({
  item,
  therapistName,
  onCancel,
}: {
  item: PortalItem;
  therapistName: string;
  onCancel: () => void;
}) {
  const id = useId();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(formSchema),
    defaultValues: { painBefore: null, painAfter: null, note: "", adverse: false },
  });
  const adverse = useWatch({ control: form.control, name: "adverse" });
  const [key, setKey] = useState(newIdempotencyKey);
  // A changed answer is a new request: retrying it under the old key would be refused (409), and
  // after a lost reply the first answers are already stored.
  const edited = () => setKey(newIdempotencyKey());
  const fieldErrors: Partial<Record<FieldName, string | undefined>> = Object.fromEntries(
    FIELDS.map((name) => [name, form.formState.errors[name]?.message]),
  );
  const [problem, setProblem] = useState<{ message: string; retry: boolean } | null>(null);
  const [saved, setSaved] = useState<CompletionDto | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const savedRef = useRef<HTMLDivElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const save = useMutation({
    mutationFn: (body: CompletionBody) => completeItem(body),
    onSuccess: (dto) => {
      void applyCompletion(queryClient, dto);
      setSaved(dto);
      setKey(newIdempotencyKey());
    },
    onError: (err) => {
      const fields = err instanceof ApiError && err.status === 400 ? err.fieldErrors : {};
      const mine = FIELDS.some((name) => fields[name]?.[0]);
      if (mine) applyFieldErrors(err, form.setError);
      setProblem(mine ? null : describe(err));
      // The programme changed under the page: refetch, so it shows today's list as it now is.
      if (err instanceof ApiError && (err.status === 409 || err.status === 404))
        void queryClient.invalidateQueries({ queryKey: portalProgrammeKeys.programme });
    },
  });

  function submit(e?: BaseSyntheticEvent) {
    setProblem(null);
    void form.handleSubmit((v) => save.mutate({ ...v, itemId: item.itemId, idempotencyKey: key }))(e);
  }

  if (saved) {
    const rules = saved.stopRules.length ? saved.stopRules : item.stopRules;
    return (
      <div ref={savedRef} tabIndex={-1} className="space-y-4" data-testid="completion-saved">
        <p className="rounded-lg bg-green-50 px-4 py-3 text-base font-medium text-ok">
          <span aria-hidden="true">✓ </span>Saved — well done. Done {saved.doneToday} of{" "}
          {Math.max(item.prescribedToday, saved.doneToday)} today.
        </p>
        {saved.adverse ? (
          <div className="space-y-2">
            <StopRules rules={rules} headingId={`${id}-saved-stop`} heading="Please stop this exercise for now" />
            <p className="text-base text-ink">
              We have told {therapistName}. Do not do this exercise again until you have spoken with them.
            </p>
          </div>
        ) : null}
        <ButtonLink href="/portal" className="min-h-12 w-full text-base">
          Back to today
        </ButtonLink>
      </div>
    );
  }

  const err = (name: FieldName) =>
    fieldErrors[name] ? (
      <p id={`${id}-${name}-error`} className="mt-1 text-sm text-danger">
        {fieldErrors[name]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="space-y-5">
      <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1} className="text-lg font-semibold text-ink">
        Mark as done
      </h2>
      <p id={`${id}-scale`} className="text-sm text-muted">
        Both scores are optional. 0 = no pain, 10 = worst imaginable.
      </p>

      <div>
        <p id={`${id}-before`} className="mb-2 text-base font-medium text-ink">
          How tender was the spot before?
        </p>
        <Controller
          control={form.control}
          name="painBefore"
          render={({ field }) => (
            <ScorePicker
              name={`${id}-before`}
              value={field.value ?? null}
              onChange={(v) => (field.onChange(v), edited())}
              labelledBy={`${id}-before`}
              describedBy={fieldErrors.painBefore ? `${id}-painBefore-error` : `${id}-scale`}
              invalid={!!fieldErrors.painBefore}
            />
          )}
        />
        {err("painBefore")}
      </div>
      <div>
        <p id={`${id}-after`} className="mb-2 text-base font-medium text-ink">
          And after?
        </p>
        <Controller
          control={form.control}
          name="painAfter"
          render={({ field }) => (
            <ScorePicker
              name={`${id}-after`}
              value={field.value ?? null}
              onChange={(v) => (field.onChange(v), edited())}
              labelledBy={`${id}-after`}
              describedBy={fieldErrors.painAfter ? `${id}-painAfter-error` : `${id}-scale`}
              invalid={!!fieldErrors.painAfter}
            />
          )}
        />
        {err("painAfter")}
      </div>

      <div>
        <label htmlFor={`${id}-note`} className="mb-1 block text-base font-medium text-ink">
          Anything to tell your therapist? <span className="font-normal text-muted">(optional)</span>
        </label>
        <textarea
          id={`${id}-note`}
          {...form.register("note", { onChange: edited })}
          rows={3}
          aria-invalid={fieldErrors.note ? true : undefined}
          aria-describedby={fieldErrors.note ? `${id}-note-error` : undefined}
          placeholder="For example: easier than last time"
          className="block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-ink placeholder:text-stone-500 focus:border-accent-600 aria-[invalid=true]:border-danger"
        />
        {err("note")}
      </div>

      <div>
        <label
          className={`flex min-h-12 cursor-pointer items-start gap-3 rounded-lg border-2 px-4 py-3 text-base ${adverse ? "border-danger bg-red-50" : "border-stone-300 bg-white"}`}
        >
          <input
            type="checkbox"
            {...form.register("adverse", { onChange: edited })}
            aria-invalid={fieldErrors.adverse ? true : undefined}
            className="mt-0.5 size-6 shrink-0 accent-[#b42318]"
          />
          <span>I felt numbness, tingling or shooting pain</span>
        </label>
        {err("adverse")}
      </div>

      {adverse ? (
        <div role="alert" data-testid="stop-rule-alert" className="space-y-2">
          <StopRules rules={item.stopRules} headingId={`${id}-stop`} heading="Stop this exercise now" />
          <p className="text-base font-medium text-ink">
            Do not do it again until you have spoken with {therapistName}. When you save, they will be told.
          </p>
        </div>
      ) : null}

      {problem ? (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-danger">
          <p>{problem.message}</p>
          {problem.retry ? (
            <Button
              type="button"
              variant="secondary"
              className="mt-2 min-h-12"
              onClick={() => submit()}
              busy={save.isPending}
            >
              Try again
            </Button>
          ) : null}
        </div>
      ) : null}

      <div className="flex flex-col gap-2">
        <Button type="submit" busy={save.isPending} className="min-h-12 w-full text-base">
          Save
        </Button>
        <Button type="button" variant="ghost" className="min-h-12 w-full text-base" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
