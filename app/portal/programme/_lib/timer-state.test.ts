import { describe, expect, it } from "vitest";
import { buildPlan } from "./timer-plan";
import { elapsedMs, finish, idleTimer, pause, reset, resume, skip, start, viewAt } from "./timer-state";

// ready 5 · hold 60 · move 5 · hold 60 · rest 30 · hold 60 · move 5 · hold 60 = 285 s
const plan = buildPlan({
  tool: "massage_ball",
  technique: "sustained_pressure",
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: [1],
});
const T0 = 1_700_000_000_000;
const s = (n: number) => n * 1000;

describe("timer state", () => {
  it("is idle at the first phase before it starts", () => {
    const v = viewAt(plan, idleTimer, T0);
    expect(v).toMatchObject({ status: "idle", index: 0, remainingMs: s(5), totalProgress: 0 });
  });

  it("finds the phase and time left from timestamps alone", () => {
    const running = start(idleTimer, T0);
    const v = viewAt(plan, running, T0 + s(5 + 60 + 5 + 20));
    expect(v).toMatchObject({ status: "running", index: 3, remainingMs: s(40) });
    expect(v.phase).toMatchObject({ kind: "hold", spot: 2, set: 1 });
    expect(v.phaseProgress).toBeCloseTo(20 / 60);
  });

  it("keeps time while the tab sleeps: a long gap lands in the right phase", () => {
    const running = start(idleTimer, T0);
    // Backgrounded for 2 min 30 s: no ticks arrived, but the position follows the clock.
    expect(viewAt(plan, running, T0 + s(150))).toMatchObject({ index: 4, remainingMs: s(10) });
  });

  it("freezes while paused and carries on from there when resumed", () => {
    let st = start(idleTimer, T0);
    st = pause(plan, st, T0 + s(30));
    expect(viewAt(plan, st, T0 + s(600))).toMatchObject({ status: "paused", index: 1, remainingMs: s(35) });
    st = resume(st, T0 + s(600));
    expect(viewAt(plan, st, T0 + s(610))).toMatchObject({ status: "running", index: 1, remainingMs: s(25) });
    expect(elapsedMs(plan, st, T0 + s(610))).toBe(s(40));
  });

  it("ignores pause when not running and resume when not paused", () => {
    expect(pause(plan, idleTimer, T0)).toBe(idleTimer);
    const running = start(idleTimer, T0);
    expect(resume(running, T0 + 5)).toBe(running);
  });

  it("skips to the start of the next phase, keeping a paused timer paused", () => {
    let st = start(idleTimer, T0);
    st = skip(plan, st, T0 + s(10));
    expect(viewAt(plan, st, T0 + s(10))).toMatchObject({ index: 2, remainingMs: s(5) });
    st = pause(plan, st, T0 + s(12));
    st = skip(plan, st, T0 + s(20));
    expect(st.status).toBe("paused");
    expect(viewAt(plan, st, T0 + s(99))).toMatchObject({ index: 3, remainingMs: s(60) });
  });

  it("is done after the last phase, and skipping the last phase finishes", () => {
    const running = start(idleTimer, T0);
    expect(viewAt(plan, running, T0 + s(285))).toMatchObject({
      status: "done",
      index: 7,
      remainingMs: 0,
      totalProgress: 1,
    });
    expect(viewAt(plan, running, T0 + s(10_000)).elapsedMs).toBe(s(285));
    const nearEnd = { status: "running" as const, baseMs: s(280), anchor: T0 };
    expect(skip(plan, nearEnd, T0)).toEqual(finish(plan));
  });

  it("resets to idle and starts again from zero", () => {
    const st = start(reset(), T0 + s(1000));
    expect(viewAt(plan, st, T0 + s(1001))).toMatchObject({ index: 0, remainingMs: s(4) });
  });
});
