"use client";
import "@/app/_lib/zod-browser";
import { useEffect } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { FindingDto, MuscleDto } from "@/lib/clinical/schemas";
import { PRESSURE_UNITS, type PressureUnit } from "@/lib/clinical/rules/ppt";
import { PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { RegionPicker } from "./region-picker";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { TREATMENTS } from "./finding-text";
import type { FindingChanges } from "./use-finding-mutations";
import {
  findingChanges,
  findingDefaults,
  findingForm,
  serverFieldErrors,
  type FindingInput,
  type FindingValues,
} from "./finding-form";
import { Check, PptTrials } from "./finding-editor-fields";

type Unit = PressureUnit;
const NO_ERRORS: Record<string, string[]> = {};

/** Everything about one finding, editable with the keyboard; saves on "Save finding". */
export function FindingEditor({
  finding,
  muscles,
  editable,
  saving,
  onSave,
  onDelete,
  pressureUnit,
  serverErrors = NO_ERRORS,
}: {
  finding: FindingDto;
  muscles: MuscleDto[];
  editable: boolean;
  saving: boolean;
  /** The therapist's unit (their last used, else the clinic's): the same one the chart history shows. */
  pressureUnit: Unit;
  /** Field errors of the last refused save, keyed as the API names them (pptTrials.0.value). */
  serverErrors?: Record<string, string[]>;
  onSave: (changes: FindingChanges) => void;
  onDelete: () => void;
}) {
  const history = finding.carriedForward;
  // Checked as typed once a field has been left, and again by the API.
  const form = useForm<FindingInput, unknown, FindingValues>({
    resolver: zodResolver(findingForm),
    mode: "onTouched",
    defaultValues: findingDefaults(finding, pressureUnit),
  });
  const referredPain = useWatch({ control: form.control, name: "referredPain" });
  const { setError, getValues } = form;
  useEffect(() => {
    for (const [name, message] of serverFieldErrors(serverErrors, getValues("trials"))) setError(name, { message });
  }, [serverErrors, setError, getValues]);
  const e = form.formState.errors;

  return (
    // A container query: beside the chart on a tablet the editor is ~380 px wide, whatever the screen.
    <form
      onSubmit={form.handleSubmit((v) => onSave(findingChanges(v, muscles, history)))}
      noValidate
      className="@container space-y-4"
      aria-label="Edit finding"
    >
      <div className="grid gap-3 @md:grid-cols-2">
        <SelectField label="Muscle" {...form.register("muscle")} disabled={!editable || history}>
          {muscles.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.source === "clinic" ? " (clinic)" : ""}
            </option>
          ))}
        </SelectField>
        <Field
          label="Label"
          {...form.register("label")}
          disabled={!editable}
          error={e.label?.message}
          hint="e.g. UT-1 R (the side is added for you)"
        />
      </div>
      <div className="grid gap-3 @md:grid-cols-2">
        <fieldset disabled={!editable || history}>
          <legend className="mb-1 text-sm font-medium">Side (client&apos;s)</legend>
          <div className="flex gap-3">
            {(["right", "left", "midline"] as const).map((s) => (
              <label key={s} className="flex min-h-11 items-center gap-1 text-sm capitalize">
                <input
                  type="radio"
                  value={s}
                  className="size-5 accent-accent-700"
                  {...form.register("side", {
                    onChange: () => form.setValue("label", labelWithSide(form.getValues("label"), s)),
                  })}
                />{" "}
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset disabled={!editable}>
          <legend className="mb-1 text-sm font-medium">Type (your call)</legend>
          <div className="flex gap-3">
            {(["active", "latent"] as const).map((t) => (
              <label key={t} className="flex min-h-11 items-center gap-1 text-sm capitalize">
                <input type="radio" value={t} className="size-5 accent-accent-700" {...form.register("type")} /> {t}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {history ? (
        <p className="text-xs text-muted">
          Muscle and side stay fixed for a point with history; mark it resolved and place a new point if they were
          wrong.
        </p>
      ) : null}
      <fieldset disabled={!editable} className="grid gap-x-4 @md:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Palpation</legend>
        <Check label="Taut band palpable" {...form.register("tautBand")} />
        <Check label="Local twitch response" {...form.register("localTwitch")} />
        <Check label="Referred pain reproduced" {...form.register("referredPain")} />
      </fieldset>
      {referredPain ? (
        <Controller
          control={form.control}
          name="referralRegions"
          render={({ field }) => (
            <RegionPicker
              label="Where it referred"
              value={field.value}
              onChange={field.onChange}
              disabled={!editable}
            />
          )}
        />
      ) : null}
      <div className="grid gap-3 @md:grid-cols-2">
        <Field
          label="Tenderness on palpation (0–10)"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          step={1}
          {...form.register("tenderness")}
          disabled={!editable}
          error={e.tenderness?.message}
        />
        <SelectField
          label="Algometer unit"
          {...form.register("unit", {
            // The trials are read in this unit: once their checks show, they follow it.
            onChange: () => {
              if (form.formState.isSubmitted || form.getFieldState("trials").isTouched) void form.trigger("trials");
            },
          })}
          disabled={!editable}
        >
          {PRESSURE_UNITS.map((u) => (
            <option key={u} value={u}>
              {PRESSURE_UNIT_LABEL[u]}
            </option>
          ))}
        </SelectField>
      </div>
      <PptTrials form={form} finding={finding} editable={editable} />
      <fieldset disabled={!editable} className="grid gap-x-4 @md:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Treatment given</legend>
        <Controller
          control={form.control}
          name="treatment"
          render={({ field: { value, onChange } }) => (
            <>
              {TREATMENTS.map((tr) => (
                <Check
                  key={tr}
                  label={tr}
                  checked={value.includes(tr)}
                  onChange={(ev) => onChange(ev.target.checked ? [...value, tr] : value.filter((x) => x !== tr))}
                />
              ))}
            </>
          )}
        />
      </fieldset>
      <Field
        label="Response to treatment"
        {...form.register("response")}
        disabled={!editable}
        error={e.response?.message}
      />
      <Field label="Note" {...form.register("note")} disabled={!editable} error={e.note?.message} />
      <p className="text-sm text-muted">
        {finding.meetsConsensus
          ? "Meets 2 of 3 consensus criteria (taut band, tender spot, referred pain)."
          : "Does not meet 2 of 3 consensus criteria yet."}{" "}
        An aid only: you decide active or latent.
      </p>
      {editable ? (
        <div className="flex flex-wrap gap-2">
          <Button type="submit" busy={saving}>
            Save finding
          </Button>
          {!history ? (
            <Button type="button" variant="secondary" onClick={onDelete}>
              Delete finding
            </Button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
