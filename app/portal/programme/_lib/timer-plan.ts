import type { PortalDosage } from "@/lib/programmes/portal-schemas";

/*
 * The guided timer's script: the list of phases one session of an exercise goes through.
 * Pure (no clock, no DOM) so it can be tested and so the timer only has to walk a list.
 *
 * - Sustained pressure: for each set, each spot is held for secondsPerSpot; between spots a
 *   short "move" phase gives the client time to find the next tender spot.
 * - Rolling and percussion: each set is one block of secondsPerMuscle on the muscle.
 * - Rest between sets (never after the last one), and a short "get ready" before the first.
 */

export type PhaseKind = "ready" | "hold" | "move" | "work" | "rest";

export interface Phase {
  kind: PhaseKind;
  durationMs: number;
  /** 1-based set this phase belongs to (a rest belongs to the set it follows). */
  set: number;
  sets: number;
  /** Sustained pressure only: 1-based spot and the number of spots. */
  spot?: number;
  spots?: number;
  /** A few words for the big display: "Hold", "Rest". */
  title: string;
  /** What to do now, in plain words. */
  instruction: string;
}

export interface PlanOptions {
  /** Seconds to get into position before the first hold or roll. */
  readySeconds?: number;
  /** Seconds between two spots of a set, to move the tool. */
  moveSeconds?: number;
}

/** Used only when a dosage lacks a time (the contract makes both optional): the reference's usual minute. */
const FALLBACK_SECONDS = 60;

export function buildPlan(dosage: PortalDosage, options: PlanOptions = {}): Phase[] {
  const readySeconds = options.readySeconds ?? 5;
  const moveSeconds = options.moveSeconds ?? 5;
  const sets = Math.max(1, Math.round(dosage.sets));
  const phases: Phase[] = [];
  const sustained = dosage.technique === "sustained_pressure";
  const spots = sustained ? Math.max(1, Math.round(dosage.spots ?? 1)) : undefined;

  if (readySeconds > 0) {
    phases.push({
      kind: "ready",
      durationMs: readySeconds * 1000,
      set: 1,
      sets,
      spot: spots ? 1 : undefined,
      spots,
      title: "Get ready",
      instruction: sustained ? "Get into position and find the first tender spot." : "Get into position on the tool.",
    });
  }
  for (let set = 1; set <= sets; set++) {
    if (sustained) {
      const hold = (dosage.secondsPerSpot ?? FALLBACK_SECONDS) * 1000;
      for (let spot = 1; spot <= spots!; spot++) {
        if (spot > 1 && moveSeconds > 0) {
          phases.push({
            kind: "move",
            durationMs: moveSeconds * 1000,
            set,
            sets,
            spot,
            spots,
            title: "Move",
            instruction: "Ease off and move to the next tender spot.",
          });
        }
        phases.push({
          kind: "hold",
          durationMs: hold,
          set,
          sets,
          spot,
          spots,
          title: "Hold",
          instruction: "Press slowly to a bearable ache, then hold still and breathe.",
        });
      }
    } else {
      const percussion = dosage.technique === "percussion";
      phases.push({
        kind: "work",
        durationMs: (dosage.secondsPerMuscle ?? FALLBACK_SECONDS) * 1000,
        set,
        sets,
        title: percussion ? "Massage" : "Roll",
        instruction: percussion
          ? "Keep the gun moving slowly along the muscle. Do not stay on one spot."
          : "Roll slowly, a few seconds each way. Pause on tender spots.",
      });
    }
    if (set < sets && dosage.restSeconds > 0) {
      phases.push({
        kind: "rest",
        durationMs: dosage.restSeconds * 1000,
        set,
        sets,
        spots,
        title: "Rest",
        instruction: "Ease off and relax. Breathe normally.",
      });
    }
  }
  return phases;
}

export function totalMs(plan: readonly Phase[]): number {
  return plan.reduce((sum, p) => sum + p.durationMs, 0);
}

/** "Spot 2 of 2 · Set 1 of 2", or what comes next during a rest. */
export function phaseCounter(phase: Phase): string {
  const set = `Set ${phase.set} of ${phase.sets}`;
  switch (phase.kind) {
    case "rest":
      return `Next: set ${phase.set + 1} of ${phase.sets}`;
    case "ready":
    case "move":
    case "hold":
      return phase.spots ? `Spot ${phase.spot} of ${phase.spots} · ${set}` : set;
    case "work":
      return set;
  }
}

/** What a screen reader hears when a phase begins (once per phase, never every second). */
export function phaseAnnouncement(phase: Phase): string {
  return `${phase.title}, ${formatSeconds(Math.round(phase.durationMs / 1000), "long")}. ${phaseCounter(phase)}. ${phase.instruction}`;
}

/** 75 → "1:15" (short) or "1 minute 15 seconds" (long, for speech). */
export function formatSeconds(seconds: number, style: "short" | "long" = "short"): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  if (style === "short") return `${m}:${String(r).padStart(2, "0")}`;
  const parts = [];
  if (m) parts.push(`${m} minute${m === 1 ? "" : "s"}`);
  if (r || !m) parts.push(`${r} second${r === 1 ? "" : "s"}`);
  return parts.join(" ");
}
