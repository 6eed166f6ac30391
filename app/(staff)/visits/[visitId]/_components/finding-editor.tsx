"use client";
import { useId, useRef, useState } from "react";
import type { FindingDto, MuscleDto } from "@/lib/clinical/schemas";
import { PRESSURE_UNITS, type PressureUnit } from "@/lib/clinical/rules/ppt";
import { formatPressure, implausibleReadingMessage, PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { RegionPicker } from "./region-picker";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { TREATMENTS } from "./finding-text";
import type { FindingChanges } from "./use-finding-mutations";

type Unit = PressureUnit;

function Check({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input
        type="checkbox"
        className="size-5 accent-accent-700"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      {label}
    </label>
  );
}

/** Everything about one finding, editable with the keyboard; saves on "Save finding". */
export function FindingEditor({
  finding,
  muscles,
  editable,
  saving,
  onSave,
  onDelete,
  pressureUnit,
  serverErrors = {},
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
  const [d, setD] = useState(() => ({
    muscle: finding.clinicMuscleId ?? finding.muscleId ?? "",
    side: finding.side,
    label: finding.label,
    type: finding.type,
    tautBand: finding.tautBand,
    localTwitch: finding.localTwitch,
    referredPain: finding.referredPain,
    referralRegions: finding.referralRegions,
    tenderness: finding.tenderness === null ? "" : String(finding.tenderness),
    trials: [0, 1, 2].map((i) => (finding.pptTrials[i] ? String(finding.pptTrials[i]!.value) : "")),
    unit: (finding.pptTrials[0]?.unit ?? pressureUnit) as Unit,
    treatment: finding.treatment,
    response: finding.response,
    note: finding.note,
  }));
  const set = <K extends keyof typeof d>(k: K, v: (typeof d)[K]) => setD((prev) => ({ ...prev, [k]: v }));
  const history = finding.carriedForward;
  const idBase = useId();
  const trialInputs = useRef<(HTMLInputElement | null)[]>([]);
  // Checked as typed, and again by the API: a reading implausible in the chosen unit names the likely slip.
  const trialErrors = d.trials.map((t, i) => {
    if (t.trim() === "") return serverErrors[`pptTrials.${i}.value`]?.[0] ?? null;
    return implausibleReadingMessage(Number(t), d.unit);
  });
  const [showTrialErrors, setShowTrialErrors] = useState(false);

  function save(e: React.FormEvent) {
    e.preventDefault();
    if (trialErrors.some(Boolean)) {
      setShowTrialErrors(true);
      trialInputs.current[trialErrors.findIndex(Boolean)]?.focus();
      return;
    }
    const chosen = muscles.find((m) => m.id === d.muscle);
    const changes: FindingChanges = {
      label: d.label,
      type: d.type,
      tautBand: d.tautBand,
      localTwitch: d.localTwitch,
      referredPain: d.referredPain,
      referralRegions: d.referredPain ? d.referralRegions : [],
      tenderness: d.tenderness === "" ? null : Number(d.tenderness),
      pptTrials: d.trials.filter((t) => t.trim() !== "").map((t) => ({ value: Number(t), unit: d.unit })),
      treatment: d.treatment,
      response: d.response,
      note: d.note,
    };
    if (!history) {
      changes.side = d.side;
      if (chosen?.source === "clinic") Object.assign(changes, { clinicMuscleId: chosen.id });
      else if (chosen) Object.assign(changes, { muscleId: chosen.id });
    }
    onSave(changes);
  }

  return (
    // A container query: beside the chart on a tablet the editor is ~380 px wide, whatever the screen.
    <form onSubmit={save} className="@container space-y-4" aria-label="Edit finding">
      <div className="grid gap-3 @md:grid-cols-2">
        <SelectField
          label="Muscle"
          value={d.muscle}
          disabled={!editable || history}
          onChange={(e) => set("muscle", e.target.value)}
        >
          {muscles.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
              {m.source === "clinic" ? " (clinic)" : ""}
            </option>
          ))}
        </SelectField>
        <Field
          label="Label"
          value={d.label}
          disabled={!editable}
          onChange={(e) => set("label", e.target.value)}
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
                  name="side"
                  className="size-5 accent-accent-700"
                  checked={d.side === s}
                  onChange={() => setD((prev) => ({ ...prev, side: s, label: labelWithSide(prev.label, s) }))}
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
                <input
                  type="radio"
                  name="type"
                  className="size-5 accent-accent-700"
                  checked={d.type === t}
                  onChange={() => set("type", t)}
                />{" "}
                {t}
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
        <Check label="Taut band palpable" checked={d.tautBand} onChange={(v) => set("tautBand", v)} />
        <Check label="Local twitch response" checked={d.localTwitch} onChange={(v) => set("localTwitch", v)} />
        <Check label="Referred pain reproduced" checked={d.referredPain} onChange={(v) => set("referredPain", v)} />
      </fieldset>
      {d.referredPain ? (
        <RegionPicker
          label="Where it referred"
          value={d.referralRegions}
          onChange={(v) => set("referralRegions", v)}
          disabled={!editable}
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
          value={d.tenderness}
          disabled={!editable}
          onChange={(e) => set("tenderness", e.target.value)}
        />
        <SelectField
          label="Algometer unit"
          value={d.unit}
          disabled={!editable}
          onChange={(e) => set("unit", e.target.value as Unit)}
        >
          {PRESSURE_UNITS.map((u) => (
            <option key={u} value={u}>
              {PRESSURE_UNIT_LABEL[u]}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset disabled={!editable}>
        <legend className="mb-1 text-sm font-medium">
          Pressure pain threshold trials, in {PRESSURE_UNIT_LABEL[d.unit]} (optional)
        </legend>
        <div className="grid grid-cols-3 gap-2">
          {d.trials.map((t, i) => {
            const error = showTrialErrors || serverErrors[`pptTrials.${i}.value`] ? trialErrors[i] : null;
            return (
              <Field
                key={i}
                ref={(el) => {
                  trialInputs.current[i] = el;
                }}
                label={`Trial ${i + 1}`}
                type="number"
                inputMode="decimal"
                min={0}
                step="any"
                value={t}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${idBase}-trial-${i}-error` : undefined}
                onBlur={() => setShowTrialErrors(true)}
                onChange={(e) =>
                  set(
                    "trials",
                    d.trials.map((x, j) => (j === i ? e.target.value : x)),
                  )
                }
              />
            );
          })}
        </div>
        {d.trials.map((_, i) => {
          const error = showTrialErrors || serverErrors[`pptTrials.${i}.value`] ? trialErrors[i] : null;
          return error ? (
            <p key={i} id={`${idBase}-trial-${i}-error`} className="mt-1 text-sm text-danger">
              Trial {i + 1}: {error}
            </p>
          ) : null;
        })}
        {finding.pptKpaMean !== null ? (
          <p className="tabular mt-1 text-sm text-muted">
            Saved mean: {formatPressure(finding.pptKpaMean, d.unit)}
            {d.unit === "kPa" ? "" : ` (${finding.pptKpaMean.toFixed(1)} kPa)`}
          </p>
        ) : null}
      </fieldset>
      <fieldset disabled={!editable} className="grid gap-x-4 @md:grid-cols-2">
        <legend className="mb-1 text-sm font-medium">Treatment given</legend>
        {TREATMENTS.map((tr) => (
          <Check
            key={tr}
            label={tr}
            checked={d.treatment.includes(tr)}
            onChange={(v) => set("treatment", v ? [...d.treatment, tr] : d.treatment.filter((x) => x !== tr))}
          />
        ))}
      </fieldset>
      <Field
        label="Response to treatment"
        value={d.response}
        disabled={!editable}
        onChange={(e) => set("response", e.target.value)}
      />
      <Field label="Note" value={d.note} disabled={!editable} onChange={(e) => set("note", e.target.value)} />
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
