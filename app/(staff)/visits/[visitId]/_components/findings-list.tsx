"use client";
import type { FindingDto } from "@/lib/clinical/schemas";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { Badge } from "@/app/_components/ui/feedback";
import { sideLabel, STATUS_LABEL } from "./finding-text";

const TODAY_STATUSES = ["unchanged", "better", "worse", "resolved", "not_checked"] as const;

/** Carried-forward points awaiting today's status first, then every finding of this visit. */
export function FindingsList({
  findings,
  selectedId,
  onSelect,
  editable,
  onStatus,
}: {
  findings: FindingDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  editable: boolean;
  onStatus: (f: FindingDto, status: (typeof TODAY_STATUSES)[number]) => void;
}) {
  const awaiting = findings.filter((f) => f.status === null);
  return (
    <div className="space-y-4">
      {awaiting.length > 0 ? (
        <section aria-labelledby="awaiting-heading" className="rounded-md border border-amber-200 bg-amber-50 p-3">
          <h3 id="awaiting-heading" className="text-sm font-semibold text-warn">
            Carried forward from the last visit: how is each point today?
          </h3>
          <ul className="mt-2 space-y-2">
            {awaiting.map((f) => (
              <li key={f.id} className="rounded bg-white p-2">
                <p className="text-sm font-medium">
                  {f.label ? `${labelWithSide(f.label, f.side)} · ` : ""}
                  {sideLabel(f.side)} {f.muscleName.toLowerCase()}
                </p>
                {editable ? (
                  <div
                    className="mt-2 flex flex-wrap gap-1"
                    role="group"
                    aria-label={`Status today for ${labelWithSide(f.label, f.side) || f.muscleName}`}
                  >
                    {TODAY_STATUSES.map((s) => (
                      <button
                        key={s}
                        type="button"
                        onClick={() => onStatus(f, s)}
                        className="min-h-11 rounded-md border border-line bg-white px-3 text-sm hover:border-accent-600 hover:bg-accent-50"
                      >
                        {STATUS_LABEL[s]}
                      </button>
                    ))}
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {findings.length === 0 ? (
        <p className="text-sm text-muted">
          No findings yet.{" "}
          {editable ? "Click or tap the body chart where you found a trigger point, or use “Add a finding” below." : ""}
        </p>
      ) : (
        <ul className="divide-y divide-line rounded-md border border-line" aria-label="Findings">
          {findings.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                onClick={() => onSelect(f.id)}
                aria-pressed={f.id === selectedId}
                className={`flex min-h-11 w-full flex-wrap items-center gap-2 px-3 py-2 text-left text-sm ${f.id === selectedId ? "bg-accent-50" : "hover:bg-stone-50"}`}
              >
                <span aria-hidden className={f.type === "active" ? "font-bold text-danger" : "font-bold text-warn"}>
                  ✕
                </span>
                <span className="font-medium">{labelWithSide(f.label, f.side) || "—"}</span>
                <span>
                  {sideLabel(f.side)} {f.muscleName.toLowerCase()}
                </span>
                <Badge tone={f.type === "active" ? "danger" : "warning"}>
                  {f.type === "active" ? "Active" : "Latent"}
                </Badge>
                {f.status && f.status !== "new" ? <Badge>{STATUS_LABEL[f.status]}</Badge> : null}
                {f.tenderness !== null ? (
                  <span className="tabular ml-auto text-muted">tender {f.tenderness}/10</span>
                ) : null}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
