"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { outcomeSettingsBody } from "@/lib/outcomes/questionnaires/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { Card } from "@/app/_components/ui/layout";
import { Notice } from "@/app/_components/ui/feedback";

type OutcomeSettings = z.input<typeof outcomeSettingsBody>;

/**
 * The clinic's outcome-scoring choices from reference v2: which NDI threshold counts as meaningful
 * (Young 2009's 10 points, or Vernon's 5 for uncomplicated neck pain) and how many NDI/ODI sections
 * may be skipped and still be pro-rated (no published maximum; default 1).
 */
export function OutcomeSettingsForm({ initial, maxLimit }: { initial: OutcomeSettings; maxLimit: number }) {
  const form = useForm<OutcomeSettings>({ resolver: zodResolver(outcomeSettingsBody), defaultValues: initial });
  const save = useMutation({
    mutationFn: (body: OutcomeSettings) => call(ops.updateOutcomeSettings, { body }),
    onSuccess: (saved) => form.reset(saved),
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const e = form.formState.errors;
  return (
    <Card title="Scoring choices">
      <form
        noValidate
        aria-label="Scoring choices"
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={form.handleSubmit((v) => save.mutate(v))}
      >
        <SelectField
          label="NDI: meaningful change"
          {...form.register("ndiThresholdPoints", { valueAsNumber: true })}
          error={e.ndiThresholdPoints?.message}
        >
          <option value={10}>10 points (Young 2009; MDC 10.2, MCID 7.5) — default</option>
          <option value={5}>5 points (Vernon: uncomplicated neck pain)</option>
        </SelectField>
        <SelectField
          label="NDI and ODI: sections that may be skipped"
          {...form.register("maxSkippedSections", { valueAsNumber: true })}
          error={e.maxSkippedSections?.message}
        >
          {Array.from({ length: maxLimit + 1 }, (_, n) => (
            <option key={n} value={n}>
              {n === 1 ? "1 — default" : String(n)}
            </option>
          ))}
        </SelectField>
        <p className="text-sm text-muted sm:col-span-2">
          Skipped sections are pro-rated over the answered ones. With more skipped than allowed, the answers are kept
          but no score is given, and the reason is shown. No published maximum exists; the published examples cover one
          missed section.
        </p>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
          <Button type="submit" busy={save.isPending}>
            Save scoring choices
          </Button>
          {save.isSuccess ? (
            <p role="status" className="text-sm text-ok">
              ✓ Saved
            </p>
          ) : null}
        </div>
        {save.error && !(save.error instanceof ApiError && Object.keys(save.error.fieldErrors).length) ? (
          <div className="sm:col-span-2">
            <Notice tone="danger" title="Not saved">
              {save.error.message}
            </Notice>
          </div>
        ) : null}
      </form>
    </Card>
  );
}
