import { totalMs, type Phase } from "./timer-plan";

/*
 * The guided timer's clock, as pure functions of timestamps. The timer never counts ticks:
 * a phone puts a backgrounded tab's intervals to sleep, so the position in the plan is always
 * recomputed from "how far we were when last started" plus "how long since then".
 */

export type TimerStatus = "idle" | "running" | "paused" | "done";

export interface TimerState {
  status: TimerStatus;
  /** Position in the plan (ms from its start) at `anchor`, or while paused. */
  baseMs: number;
  /** Wall-clock ms when the timer last started running; null unless running. */
  anchor: number | null;
}

export const idleTimer: TimerState = { status: "idle", baseMs: 0, anchor: null };

/** Position in the plan at `now`, never past its end. */
export function elapsedMs(plan: readonly Phase[], state: TimerState, now: number): number {
  const running = state.status === "running" && state.anchor !== null ? Math.max(0, now - state.anchor) : 0;
  return Math.min(totalMs(plan), state.baseMs + running);
}

export function start(_state: TimerState, now: number): TimerState {
  return { status: "running", baseMs: 0, anchor: now };
}

export function pause(plan: readonly Phase[], state: TimerState, now: number): TimerState {
  if (state.status !== "running") return state;
  return { status: "paused", baseMs: elapsedMs(plan, state, now), anchor: null };
}

export function resume(state: TimerState, now: number): TimerState {
  if (state.status !== "paused") return state;
  return { status: "running", baseMs: state.baseMs, anchor: now };
}

/** Jumps to the start of the next phase (or the end); a paused timer stays paused there. */
export function skip(plan: readonly Phase[], state: TimerState, now: number): TimerState {
  if (state.status !== "running" && state.status !== "paused") return state;
  const at = elapsedMs(plan, state, now);
  let end = 0;
  for (const phase of plan) {
    end += phase.durationMs;
    if (end > at) break;
  }
  const target = Math.min(end, totalMs(plan));
  if (target >= totalMs(plan)) return finish(plan);
  return state.status === "running"
    ? { status: "running", baseMs: target, anchor: now }
    : { status: "paused", baseMs: target, anchor: null };
}

export function finish(plan: readonly Phase[]): TimerState {
  return { status: "done", baseMs: totalMs(plan), anchor: null };
}

export function reset(): TimerState {
  return idleTimer;
}

export interface TimerView {
  /** "done" as soon as the plan has run out, even before the state is settled. */
  status: TimerStatus;
  /** Index of the current phase (the last one when done). */
  index: number;
  phase: Phase;
  /** Ms left in the current phase. */
  remainingMs: number;
  /** 0–1 through the current phase. */
  phaseProgress: number;
  /** 0–1 through the whole session. */
  totalProgress: number;
  elapsedMs: number;
}

/** Where the timer is at `now`. The plan must have at least one phase. */
export function viewAt(plan: readonly Phase[], state: TimerState, now: number): TimerView {
  const total = totalMs(plan);
  const at = elapsedMs(plan, state, now);
  const done = state.status === "done" || (state.status !== "idle" && at >= total);
  if (done) {
    const last = plan.length - 1;
    return {
      status: "done",
      index: last,
      phase: plan[last]!,
      remainingMs: 0,
      phaseProgress: 1,
      totalProgress: 1,
      elapsedMs: total,
    };
  }
  let startOfPhase = 0;
  let index = 0;
  while (index < plan.length - 1 && startOfPhase + plan[index]!.durationMs <= at) {
    startOfPhase += plan[index]!.durationMs;
    index++;
  }
  const phase = plan[index]!;
  const into = at - startOfPhase;
  return {
    status: state.status,
    index,
    phase,
    remainingMs: Math.max(0, phase.durationMs - into),
    phaseProgress: phase.durationMs > 0 ? into / phase.durationMs : 1,
    totalProgress: total > 0 ? at / total : 1,
    elapsedMs: at,
  };
}
