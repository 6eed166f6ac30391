"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { MuscleDto, VisitDetail, FindingDto } from "@/lib/clinical/schemas";
import { visitQuery, toReferenceMuscles } from "@/app/_lib/queries/visits";
import { BodyChart, ChartLegend, type RegionShade } from "@/app/_components/body-chart";
import { nearestTriggerPoints } from "@/lib/clinical/rules/nearest-trigger-points";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { likelyMuscle } from "@/lib/clinical/rules/likely-muscle";
import { musclesReferringTo } from "@/lib/clinical/rules/referral-search";
import { sideAt } from "@/lib/clinical/rules/side";
import type { PressureUnit } from "@/lib/clinical/rules/ppt";
import { ApiError } from "@/app/_lib/api";
import { regionIdForSide } from "@/lib/clinical/rules/side";
import { Card } from "@/app/_components/ui/layout";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { FindingsList } from "./findings-list";
import { SelectedFinding } from "./selected-finding";
import { chartMarks } from "./chart-marks";
import { AddFindingForm } from "./add-finding-form";
import { PalpatePanel } from "./palpate-panel";
import { useLatestCheckIn } from "./use-latest-check-in";
import { SoapEditor, SaveIndicator } from "./soap-editor";
import { SignAndAmend } from "./sign-and-amend";
import { useNoteAutosave } from "./use-note-autosave";
import { useFindingMutations, type NewFinding } from "./use-finding-mutations";
import { VisitPainCard } from "./visit-pain-card";
import { useEditorFocus } from "./use-editor-focus";

const STATUS_BADGE = {
  draft: ["warning", "Draft"],
  signed: ["success", "Signed"],
  amended: ["info", "Signed · amended"],
} as const;

export function VisitWorkspace({
  initial,
  muscles,
  canWrite,
  canSign,
  pressureUnit,
}: {
  initial: VisitDetail;
  muscles: MuscleDto[];
  canWrite: boolean;
  canSign: boolean;
  pressureUnit: PressureUnit;
}) {
  const cf = useClinicFormat();
  const { data: visit } = useQuery({ ...visitQuery(initial.id), initialData: initial });
  const editable = canWrite && visit.status === "draft";
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undo, setUndo] = useState<FindingDto | null>(null);
  const [pickMuscle, setPickMuscle] = useState<string | undefined>();
  const note = useNoteAutosave(initial, editable);
  const { create, update, remove } = useFindingMutations(visit.id, setError);
  const refMuscles = useMemo(() => toReferenceMuscles(muscles), [muscles]);
  const muscleById = useMemo(() => new Map(muscles.map((m) => [m.id, m])), [muscles]);
  const selected = visit.findings.find((f) => f.id === selectedId) ?? null;
  const { editorHeading, select } = useEditorFocus(selected?.id, setSelectedId);

  const marks = chartMarks(visit, selectedId);
  // The client's own weekly map (graded by their score) plus areas noted at this visit.
  const checkIn = useLatestCheckIn(visit.clientId);
  const checkInRegions = checkIn?.regions.filter((r) => r.score > 0) ?? [];
  const shading: RegionShade[] = [
    ...checkInRegions.map((r) => ({ regionId: r.regionId, kind: "client" as const, score: r.score })),
    ...note.fields.painRegions
      .filter((id) => !checkInRegions.some((r) => r.regionId === id))
      .map((regionId) => ({ regionId, kind: "client" as const })),
    ...(selected?.referralRegions ?? []).map((regionId) => ({ regionId, kind: "referred" as const })),
  ];
  const selectedMuscle = selected ? muscleById.get(selected.clinicMuscleId ?? selected.muscleId ?? "") : undefined;
  const overlay =
    selectedMuscle && selected ? selectedMuscle.referralZones.map((z) => regionIdForSide(z, selected.side)) : [];

  function add(f: NewFinding) {
    setError(null);
    create.mutate(f, { onSuccess: (r) => select(r.id, "focus") });
  }

  // The keyboard form starts on the likeliest muscle: the one picked from "where to palpate", the
  // top suggestion there, or the last one recorded at this visit.
  const palpate = useMemo(() => {
    const regions = [
      ...note.fields.painRegions,
      ...(checkIn?.regions ?? []).filter((r) => r.score > 0).map((r) => r.regionId),
    ];
    return musclesReferringTo([...new Set(regions)], refMuscles);
  }, [note.fields.painRegions, checkIn, refMuscles]);
  const likely = likelyMuscle({
    picked: pickMuscle,
    palpate,
    recorded: visit.findings.filter((f) => !f.carriedForward),
    available: muscles.map((m) => m.id),
  });

  function place(point: { view: "front" | "back"; x: number; y: number }) {
    const [nearest] = nearestTriggerPoints(point, refMuscles, 1);
    const muscle = muscleById.get(nearest?.muscleId ?? "") ?? muscles[0];
    if (!muscle) return;
    const side = muscle.sideApplicable ? sideAt(point) : "midline";
    add({
      ...point,
      side,
      label: labelWithSide(nearest?.label ?? "", side),
      type: "latent",
      muscleName: muscle.name,
      ...(muscle.source === "clinic" ? { clinicMuscleId: muscle.id } : { muscleId: muscle.id }),
    });
  }

  function deleteWithUndo(f: FindingDto) {
    setError(null);
    remove.mutate(f, {
      onSuccess: () => {
        setUndo(f);
        select(null, "show");
      },
    });
  }

  function restore(f: FindingDto) {
    setUndo(null);
    add({
      view: f.view,
      x: f.x,
      y: f.y,
      side: f.side,
      label: f.label,
      type: f.type,
      muscleName: f.muscleName,
      ...(f.clinicMuscleId ? { clinicMuscleId: f.clinicMuscleId } : { muscleId: f.muscleId ?? undefined }),
    });
  }

  const [badgeTone, badgeText] = STATUS_BADGE[visit.status];
  const started = cf.at(visit.startedAt, "dateTimeFull");
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <Link
            href={`/clients/${visit.clientId}`}
            className="text-sm text-accent-700 underline-offset-2 hover:underline"
          >
            ← {visit.clientName}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight">Visit · {started}</h1>
          <p className="text-sm text-muted">{visit.therapistName}</p>
        </div>
        <div className="flex items-center gap-3">
          {editable ? <SaveIndicator state={note.state} /> : null}
          <Badge tone={badgeTone}>{badgeText}</Badge>
        </div>
      </div>
      {error ? (
        <Notice tone="danger" testId="finding-error">
          {error}
        </Notice>
      ) : null}
      {undo ? (
        <Notice tone="info">
          Finding {undo.label || undo.muscleName} deleted.{" "}
          <button type="button" className="font-semibold underline" onClick={() => restore(undo)}>
            Undo
          </button>
        </Notice>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <Card title="Body chart">
          <BodyChart
            marks={marks}
            regionShading={shading}
            referralOverlay={overlay}
            readOnly={!editable}
            onPlace={editable ? place : undefined}
            onSelect={(id) => {
              // A mark keeps focus (arrow keys nudge it); the editor only comes into view.
              if (!id.startsWith("ghost-")) select(id, "show");
            }}
            onMove={(id, p) => {
              const f = visit.findings.find((x) => x.id === id);
              if (f && editable) update.mutate({ finding: f, changes: { view: p.view, x: p.x, y: p.y } });
            }}
            onDelete={
              editable
                ? (id) => {
                    const f = visit.findings.find((x) => x.id === id);
                    if (f && !f.carriedForward) deleteWithUndo(f);
                  }
                : undefined
            }
          />
          <ChartLegend showReferralPattern className="mt-4" />
          {editable ? (
            <div className="mt-4 border-t border-line pt-4">
              <h2 className="mb-2 text-sm font-semibold">Add a finding without the pointer</h2>
              <AddFindingForm
                key={`${likely?.muscleId}-${likely?.side}`}
                muscles={muscles}
                onAdd={add}
                busy={create.isPending}
                initialMuscleId={likely?.muscleId}
                initialSide={likely?.side}
              />
            </div>
          ) : null}
        </Card>
        <div className="space-y-4">
          {/* The editor first: beside the chart where the point was just placed, not below a long list. */}
          {selected ? (
            <SelectedFinding
              finding={selected}
              headingRef={editorHeading}
              muscles={muscles}
              editable={editable}
              saving={update.isPending}
              onSave={(changes) => {
                setError(null);
                update.mutate({ finding: selected, changes });
              }}
              onDelete={() => deleteWithUndo(selected)}
              pressureUnit={pressureUnit}
              serverErrors={update.error instanceof ApiError ? update.error.fieldErrors : undefined}
            />
          ) : null}
          <Card title={`Findings (${visit.findings.length})`}>
            <FindingsList
              findings={visit.findings}
              selectedId={selectedId}
              onSelect={(id) => select(id, "focus")}
              editable={editable}
              onStatus={(f, status) => update.mutate({ finding: f, changes: { status } })}
            />
          </Card>
          <Card title="Where to palpate">
            <PalpatePanel
              painRegions={note.fields.painRegions}
              checkIn={
                checkIn ? { weekStart: checkIn.weekStart, regions: checkInRegions.map((r) => r.regionId) } : null
              }
              onChange={(r) => note.change("painRegions", r)}
              muscles={refMuscles}
              editable={editable}
              onPick={setPickMuscle}
            />
          </Card>
        </div>
      </div>
      <VisitPainCard
        visitId={visit.id}
        clientId={visit.clientId}
        editable={editable}
        signed={visit.status !== "draft"}
      />
      <div className="grid gap-4 xl:grid-cols-[minmax(0,7fr)_minmax(0,5fr)]">
        <Card title="SOAP note">
          <SoapEditor
            fields={note.fields}
            editable={editable}
            state={note.state}
            onChange={(s, v) => note.change(s, v)}
            onResolve={note.resolve}
          />
        </Card>
        <Card title={visit.status === "draft" ? "Sign" : "Signature and amendments"}>
          <SignAndAmend
            visit={visit}
            canSign={canSign}
            canWrite={canWrite}
            beforeSign={async () => {
              await note.flush();
              return note.currentVersion();
            }}
          />
        </Card>
      </div>
    </div>
  );
}
