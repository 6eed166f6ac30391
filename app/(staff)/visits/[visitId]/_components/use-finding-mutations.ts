"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { call, ops, type BodyOf } from "@/app/_lib/api-client";
import { visitKeys } from "@/app/_lib/queries/visits";
import type { FindingDto, VisitDetail } from "@/lib/clinical/schemas";
import type { ChartPoint } from "@/lib/clinical/rules/types";

export interface NewFinding extends ChartPoint {
  muscleId?: string;
  clinicMuscleId?: string;
  side: "left" | "right" | "midline";
  label: string;
  type: "active" | "latent";
  muscleName: string;
}

/** What a finding edit may change: the update operation's body without the version it checks. */
export type FindingChanges = Omit<BodyOf<typeof ops.updateFinding>, "version">;

/**
 * Finding writes with optimistic updates: the mark appears or moves at once, and the visit is
 * refetched afterwards so server-derived values (kPa mean, 2-of-3 flag) come back.
 */
export function useFindingMutations(visitId: string, onError: (message: string) => void) {
  const qc = useQueryClient();
  const key = visitKeys.detail(visitId);
  const patchCache = (fn: (v: VisitDetail) => VisitDetail) => qc.setQueryData<VisitDetail>(key, (v) => (v ? fn(v) : v));
  const settle = () => qc.invalidateQueries({ queryKey: key });
  const fail = (err: Error) => {
    onError(err.message);
    void settle();
  };

  const create = useMutation({
    mutationFn: (f: NewFinding) => {
      const { muscleName: _n, ...body } = f;
      return call(ops.createFinding, { params: { visitId }, body });
    },
    onMutate: async (f) => {
      await qc.cancelQueries({ queryKey: key });
      const temp: FindingDto = {
        id: `pending-${Date.now()}`,
        triggerPointId: "00000000-0000-0000-0000-000000000000",
        muscleId: f.muscleId ?? null,
        clinicMuscleId: f.clinicMuscleId ?? null,
        muscleName: f.muscleName,
        side: f.side,
        label: f.label,
        view: f.view,
        x: f.x,
        y: f.y,
        templateId: "",
        templateVersion: 1,
        type: f.type,
        status: "new",
        carriedForward: false,
        tautBand: false,
        localTwitch: false,
        referredPain: false,
        referralRegions: [],
        tenderness: null,
        pptTrials: [],
        pptKpaMean: null,
        meetsConsensus: false,
        treatment: [],
        response: "",
        note: "",
        version: 1,
      };
      patchCache((v) => ({ ...v, findings: [...v.findings, temp] }));
    },
    onError: fail,
    onSettled: settle,
  });

  const update = useMutation({
    mutationFn: ({ finding, changes }: { finding: FindingDto; changes: FindingChanges }) =>
      call(ops.updateFinding, {
        params: { visitId, findingId: finding.id },
        body: { ...changes, version: finding.version },
      }),
    onMutate: async ({ finding, changes }) => {
      await qc.cancelQueries({ queryKey: key });
      patchCache((v) => ({
        ...v,
        findings: v.findings.map((f) => (f.id === finding.id ? ({ ...f, ...changes } as FindingDto) : f)),
      }));
    },
    onError: fail,
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (finding: FindingDto) => call(ops.deleteFinding, { params: { visitId, findingId: finding.id } }),
    onMutate: async (finding) => {
      await qc.cancelQueries({ queryKey: key });
      patchCache((v) => ({ ...v, findings: v.findings.filter((f) => f.id !== finding.id) }));
    },
    onError: fail,
    onSettled: settle,
  });

  return { create, update, remove };
}
