"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import type { PortalDosage } from "@/lib/programmes/portal-schemas";
import type { BuilderData, ExerciseOption } from "@/lib/programmes/schemas";
import { ATTACHMENT_LABEL, describeDosage, TECHNIQUE_LABEL } from "@/lib/programmes/dosage-words";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { Area, Days } from "./item-fields";
import { aboveSafeRange, switchTechnique, type BuilderItem, type DosageNumberField } from "./builder-model";

export interface ItemEditorProps {
  index: number;
  count: number;
  item: BuilderItem;
  option: ExerciseOption;
  data: BuilderData;
  errors: Record<string, string[]>;
  onChange: (item: BuilderItem) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onSubstitute: (key: string) => void;
}

/**
 * One prescribed exercise: dosage fields that fit its technique (a hold per spot and spots for
 * sustained pressure, time or passes for rolling, a head for the gun), the safe range beside each,
 * an override reason only when a value goes above it, and the precaution flags with their reasons.
 */
export function ItemEditor({
  index,
  count,
  item,
  option,
  data,
  errors,
  onChange,
  onMove,
  onRemove,
  onSubstitute,
}: ItemEditorProps) {
  const d = item.dosage;
  const at = `items.${index}`;
  const err = (path: string) => errors[`${at}.${path}`]?.[0];
  const setDosage = (patch: Partial<PortalDosage>) => onChange({ ...item, dosage: { ...d, ...patch } });
  const range = (key: string, unit = "") => {
    const r = option.safeRanges[key];
    return r ? `Safe range ${r[0]}–${r[1]}${unit}` : undefined;
  };
  const num = (field: DosageNumberField, label: string, hint?: string, optional = false) => (
    <Field
      label={label}
      type="number"
      inputMode="numeric"
      min={0}
      value={d[field] ?? ""}
      hint={hint}
      error={err(`dosage.${field}`)}
      required={!optional}
      onChange={(e) => setDosage({ [field]: e.target.value === "" ? undefined : Number(e.target.value) })}
    />
  );
  const above = aboveSafeRange(d, option);
  const points = [...data.triggerPoints].sort(
    (a, b) =>
      Number(option.targetMuscles.some((m) => m.id === b.muscleId)) -
      Number(option.targetMuscles.some((m) => m.id === a.muscleId)),
  );
  const name = `${index + 1}. ${option.name}`;
  const blocked = option.screen.verdict === "block";

  return (
    <fieldset
      className={`rounded-lg border bg-white p-4 ${blocked || err("exerciseKey") ? "border-red-300" : "border-line"}`}
      data-testid="programme-item"
    >
      <legend className="px-1 text-base font-semibold text-ink">{name}</legend>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">
          {TOOL_LABEL[option.tool] ?? option.tool} · {option.targetMuscles.map((m) => m.name).join(", ")}
        </p>
        <div className="flex gap-1">
          <Button
            type="button"
            variant="ghost"
            className="px-3"
            disabled={index === 0}
            onClick={() => onMove(index - 1)}
            aria-label={`Move ${option.name} up`}
          >
            ↑
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-3"
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={`Move ${option.name} down`}
          >
            ↓
          </Button>
          <Button
            type="button"
            variant="ghost"
            className="px-3 text-danger"
            onClick={onRemove}
            aria-label={`Remove ${option.name}`}
          >
            Remove
          </Button>
        </div>
      </div>

      <div className="space-y-2">
        {err("exerciseKey") ? (
          <Notice tone="danger" title="Not allowed for this client">
            {errors[`${at}.exerciseKey`]!.join(" ")}
          </Notice>
        ) : null}
        {!err("exerciseKey") && option.screen.verdict !== "ok" ? (
          <Notice tone={blocked ? "danger" : "warning"} title={blocked ? "Not for this client" : "Precautions"}>
            <ul className="list-disc pl-5">
              {option.screen.reasons.map((r) => (
                <li key={`${r.precaution}-${r.text}`}>
                  <span className="font-medium">{r.label}:</span> {r.text}
                </li>
              ))}
            </ul>
          </Notice>
        ) : null}
        {!option.owned ? (
          <Notice tone="info">
            The client has no {(TOOL_LABEL[option.tool] ?? option.tool).toLowerCase()} on record.
            {option.substitute ? (
              <>
                {" "}
                With a tool they have: <strong>{option.substitute.name}</strong>{" "}
                <button type="button" className="underline" onClick={() => onSubstitute(option.substitute!.key)}>
                  Use {option.substitute.name} instead
                </button>
              </>
            ) : (
              " No exercise with a tool they own reaches the same muscles."
            )}
          </Notice>
        ) : null}
      </div>

      <div className="mt-3 grid gap-3 sm:grid-cols-3">
        {option.techniques.length > 1 ? (
          <SelectField
            label="Technique"
            value={d.technique}
            error={err("dosage.technique")}
            onChange={(e) =>
              onChange({ ...item, dosage: switchTechnique(d, e.target.value as PortalDosage["technique"], option) })
            }
          >
            {option.techniques.map((t) => (
              <option key={t} value={t}>
                {TECHNIQUE_LABEL[t] ?? t}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="self-end text-sm">
            <span className="text-muted">Technique: </span>
            {TECHNIQUE_LABEL[d.technique]}
          </p>
        )}
        {d.technique === "percussion" ? (
          <SelectField
            label="Gun attachment"
            value={d.attachment ?? "round"}
            error={err("dosage.attachment")}
            onChange={(e) => setDosage({ attachment: e.target.value as PortalDosage["attachment"] })}
          >
            {Object.entries(ATTACHMENT_LABEL).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </SelectField>
        ) : null}
        {num("intensity", "Intensity (0–10)", range("intensity", "; light ≤ 3, usual 4–6 (“good hurt”), too much ≥ 7"))}
        {d.technique === "sustained_pressure" ? (
          <>
            {num("secondsPerSpot", "Hold per spot (seconds)", range("secondsPerSpot", " s"))}
            {num("spots", "Spots", range("spots"))}
          </>
        ) : (
          <>
            {num("secondsPerMuscle", "Seconds per muscle", range("secondsPerMuscle", " s"))}
            {d.technique === "rolling" ? num("passes", "Passes (optional)", "Slow passes of 2–4 s each", true) : null}
          </>
        )}
        {num("sets", "Sets", range("sets"))}
        {num("restSeconds", "Rest between sets (seconds)")}
        {num("sessionsPerDay", "Sessions per day")}
      </div>

      <Days
        value={d.daysOfWeek}
        error={err("dosage.daysOfWeek")}
        onChange={(daysOfWeek) => setDosage({ daysOfWeek })}
      />
      <p className="mt-2 text-sm text-muted" aria-live="polite">
        In plain words: {describeDosage(d)}
      </p>

      {above.length > 0 || err("override.reason") ? (
        <Area
          label="Reason for going above the safe range"
          error={err("override.reason")}
          hint={above.join("; ") + "."}
          value={item.overrideReason}
          onChange={(overrideReason) => onChange({ ...item, overrideReason })}
          required
        />
      ) : null}

      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <Area
          label="Note for the client"
          value={item.note}
          error={err("note")}
          onChange={(note) => onChange({ ...item, note })}
        />
        <SelectField
          label="Targets trigger point"
          value={item.triggerPointId}
          error={err("triggerPointId")}
          onChange={(e) => onChange({ ...item, triggerPointId: e.target.value })}
        >
          <option value="">Not linked</option>
          {points.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </SelectField>
      </div>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer text-accent-700">Stop rules (clinical) and what the client sees</summary>
        <h3 className="mt-2 font-medium text-ink">Stop rules</h3>
        <ul className="mt-1 list-disc pl-5" data-testid="clinician-stop-rules">
          {option.stopRulesClinician.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <h3 className="mt-3 font-medium text-ink">Instructions the client sees</h3>
        <p className="mt-1 whitespace-pre-line">{option.instructions}</p>
        <h3 className="mt-3 font-medium text-ink">Stop rules as the client reads them</h3>
        <ul className="mt-1 list-disc pl-5 text-muted">
          {option.stopRules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </details>
    </fieldset>
  );
}
