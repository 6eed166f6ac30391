"use client";
import "@/app/_lib/zod-browser";
import { PressureScale } from "@/app/_components/pressure-scale";
import { AvoidSites, RedFlags } from "@/app/_components/safety-lists";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, applyFieldErrors } from "@/app/_lib/api";
import {
  createProgramme,
  invalidateProgrammes,
  reviseProgramme,
  type ProgrammeDetail,
} from "@/app/_lib/queries/programmes";
import type { BuilderData, ExerciseOption } from "@/lib/programmes/schemas";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { DateField } from "@/app/_components/ui/date-time-field";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { builderWarnings, itemFromVersion, move, newItem, type BuilderItem } from "./builder-model";
import { builderSchema, flatErrors, type BuilderValues, type ProgrammeBody } from "./builder-form";
import { ExercisePicker } from "./exercise-picker";
import { ItemEditor } from "./item-editor";
import { Area } from "./item-fields";

export type BuilderMode = { kind: "new" } | { kind: "revise"; programme: ProgrammeDetail };

/** The programme builder: the library and suggestions beside the client's programme, saved as one request. */
export function ProgrammeBuilder({ data, mode }: { data: BuilderData; mode: BuilderMode }) {
  const router = useRouter();
  const qc = useQueryClient();
  const wording = PROGRAMME_WORDING[data.wording];
  const options = useMemo(() => new Map(data.catalogue.map((o) => [o.key, o])), [data.catalogue]);
  const current = mode.kind === "revise" ? mode.programme.versions[0]! : null;
  const revising = mode.kind === "revise" ? mode.programme : null;
  const form = useForm<BuilderValues, unknown, ProgrammeBody>({
    resolver: zodResolver(builderSchema(options, revising?.currentVersion ?? null)),
    defaultValues: {
      title: mode.kind === "revise" ? mode.programme.title : wording.title,
      startDate: data.today,
      endDate: current?.endDate ?? "",
      notes: current?.notes ?? "",
      changeNote: "",
      items: current?.items.map(itemFromVersion) ?? [],
    },
  });
  const items = useWatch({ control: form.control, name: "items" });

  const save = useMutation({
    // Only the revise schema adds a version: it is there exactly when revising.
    mutationFn: (body: ProgrammeBody) =>
      "version" in body ? reviseProgramme(revising!.id, body) : createProgramme(data.clientId, body),
    onSuccess: async (saved) => {
      await invalidateProgrammes(qc, data.clientId, saved.id);
      router.push(`/clients/${data.clientId}`);
      router.refresh();
    },
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  // The request's and the server's field errors alike, by the request's paths (items.N.*).
  const errors = flatErrors(form.formState.errors);
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const warnings = builderWarnings(items, options, data.gentleItemLimit);
  const setItems = (list: BuilderItem[]) =>
    form.setValue("items", list, { shouldValidate: form.formState.isSubmitted, shouldDirty: true });
  const update = (i: number, item: BuilderItem) =>
    setItems(form.getValues("items").map((x, j) => (j === i ? item : x)));
  // Field errors are keyed by position (items.N.*): once the list changes shape they would point at the wrong item.
  const reshape = (f: (list: BuilderItem[]) => BuilderItem[]) => {
    save.reset();
    form.clearErrors("items");
    form.setValue("items", f(form.getValues("items")), { shouldDirty: true });
  };
  // Once per exercise: a double click (two clicks before the button disables) still adds it once.
  const add = (o: ExerciseOption, triggerPointId?: string) =>
    reshape((list) => (list.some((i) => i.exerciseKey === o.key) ? list : [...list, newItem(o, triggerPointId)]));
  const heading = mode.kind === "new" ? `New programme for ${data.clientName}` : `Revise “${mode.programme.title}”`;

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/clients/${data.clientId}`} className="text-sm text-accent-700 underline-offset-2 hover:underline">
          ← {data.clientName}
        </Link>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{heading}</h1>
        <p className="mt-1 text-sm text-muted">
          {wording.title}
          {mode.kind === "revise"
            ? ` · saving adds version ${mode.programme.currentVersion + 1}; version ${mode.programme.currentVersion} stays in the history.`
            : ""}
          {data.precautions.length
            ? ` · Precautions: ${data.precautions.map((p) => p.label).join(", ")}.`
            : " · No precautions recorded."}
        </p>
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="lg:col-span-2 lg:sticky lg:top-4">
          <ExercisePicker
            data={data}
            options={options}
            onAdd={add}
            addedKeys={new Set(items.map((i) => i.exerciseKey))}
          />
        </div>
        <form
          noValidate
          aria-label={mode.kind === "new" ? "New programme" : "Revise programme"}
          className="space-y-4 lg:col-span-3"
          onSubmit={form.handleSubmit((body) => save.mutate(body))}
        >
          <div className="grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2">
            <Field
              label="Title"
              error={errors.title?.[0]}
              className="sm:col-span-2"
              required
              {...form.register("title")}
            />
            <Controller
              control={form.control}
              name="startDate"
              render={({ field }) => (
                <DateField
                  label={mode.kind === "new" ? "Start date" : "New version starts"}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.startDate?.[0]}
                  required
                />
              )}
            />
            <Controller
              control={form.control}
              name="endDate"
              render={({ field }) => (
                <DateField
                  label="End date (optional)"
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  error={errors.endDate?.[0]}
                  hint="Leave empty to run until you change or end it."
                />
              )}
            />
            <div className="sm:col-span-2">
              <Controller
                control={form.control}
                name="notes"
                render={({ field }) => (
                  <Area
                    label="Notes for the client"
                    value={field.value}
                    onChange={field.onChange}
                    error={errors.notes?.[0]}
                  />
                )}
              />
              {mode.kind === "revise" ? (
                <Controller
                  control={form.control}
                  name="changeNote"
                  render={({ field }) => (
                    <Area
                      label="What changed (for the history)"
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.changeNote?.[0]}
                    />
                  )}
                />
              ) : null}
            </div>
          </div>

          <h2 className="text-base font-semibold text-ink">Exercises ({items.length})</h2>
          <PressureScale
            bands={data.pressureScale.bands}
            headingId="pressure-scale-heading"
            heading="Pressure words on the 0–10 discomfort scale (intensity)"
            note={data.pressureScale.basis}
          />
          <details className="rounded-lg border border-line bg-white px-4 py-3 text-sm">
            <summary className="cursor-pointer font-medium text-accent-700">
              Red flags and places never to press
            </summary>
            <div className="mt-3 space-y-3">
              <RedFlags flags={data.safetyLists.redFlags} headingId="red-flags-heading" />
              <AvoidSites
                sites={data.safetyLists.avoidSites}
                headingId="avoid-sites-heading"
                heading="Never press on (endangerment zones)"
              />
            </div>
          </details>
          {items.length === 0 ? (
            <EmptyState title="No exercises yet">
              Add exercises from the suggestions or the library. Two or three well-chosen ones are often enough.
            </EmptyState>
          ) : null}
          {items.map((item, i) => {
            const option = options.get(item.exerciseKey);
            return option ? (
              <ItemEditor
                key={item.uid}
                index={i}
                count={items.length}
                item={item}
                option={option}
                data={data}
                errors={errors}
                onChange={(next) => update(i, next)}
                onMove={(to) => reshape((list) => move(list, i, to))}
                onRemove={() => reshape((list) => list.filter((_, j) => j !== i))}
                onSubstitute={(key) => {
                  const sub = options.get(key);
                  if (sub) update(i, { ...newItem(sub, item.triggerPointId), note: item.note });
                }}
              />
            ) : (
              <Notice key={item.uid} tone="danger" title="Exercise no longer in the library">
                {item.exerciseKey}{" "}
                <button
                  type="button"
                  className="underline"
                  onClick={() => reshape((list) => list.filter((_, j) => j !== i))}
                >
                  Remove it
                </button>
              </Notice>
            );
          })}
          {warnings.map((w) => (
            <Notice key={w} tone="warning" testId="programme-warning">
              {w}
            </Notice>
          ))}

          {save.error || errors.items?.[0] ? (
            <Notice tone="danger" title={stale ? "Changed elsewhere" : "Not saved"}>
              {save.error?.message}
              {stale ? (
                <>
                  {" "}
                  <button type="button" className="underline" onClick={() => window.location.reload()}>
                    Reload the latest version
                  </button>
                </>
              ) : null}
              {errors.items?.[0] ? ` ${errors.items[0]}` : null}
            </Notice>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button type="submit" busy={save.isPending} disabled={items.length === 0}>
              {mode.kind === "new" ? "Save programme" : `Save as version ${mode.programme.currentVersion + 1}`}
            </Button>
            <Link
              href={`/clients/${data.clientId}`}
              className="inline-flex min-h-11 items-center px-3 text-sm text-accent-700 underline-offset-2 hover:underline"
            >
              Cancel
            </Link>
          </div>
        </form>
      </div>
    </div>
  );
}
