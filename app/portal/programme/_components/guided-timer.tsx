"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import type { PortalDosage } from "@/lib/programmes/portal-schemas";
import { Button } from "@/app/_components/ui/button";
import { useHydrated } from "@/app/portal/_components/use-hydrated";
import { buildPlan, formatSeconds, phaseAnnouncement, phaseCounter, totalMs, type Phase } from "../_lib/timer-plan";
import { finish, idleTimer, pause, resume, skip, start, viewAt, type TimerState } from "../_lib/timer-state";
import { beep, unlockAudio, vibrate } from "../_lib/cues";
import { useWakeLock } from "./use-wake-lock";

const RING_R = 100;
const RING_C = 2 * Math.PI * RING_R;
const big = "min-h-14 flex-1 text-lg";

/** The time-left ring: solid for the work, grey for rests and moving (the label says which too). */
function Ring({ progress, phase }: { progress: number; phase: Phase | null }) {
  const working = phase?.kind === "hold" || phase?.kind === "work";
  return (
    <svg viewBox="0 0 240 240" aria-hidden="true" className="absolute inset-0 size-full -rotate-90">
      <circle cx="120" cy="120" r={RING_R} fill="none" stroke="#e7e5e4" strokeWidth="14" />
      <circle
        cx="120"
        cy="120"
        r={RING_R}
        fill="none"
        strokeWidth="14"
        strokeLinecap="round"
        stroke={working ? "#0f6b73" : "#78716c"}
        strokeDasharray={RING_C}
        strokeDashoffset={RING_C * (1 - Math.min(1, Math.max(0, progress)))}
      />
    </svg>
  );
}

/** A speaker, with waves when the sound is on and a cross when it is off. */
function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4 9v6h4l5 4V5L8 9H4z" fill="currentColor" />
      {on ? <path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a7.5 7.5 0 0 1 0 11" /> : <path d="M16.5 9.5l5 5M21.5 9.5l-5 5" />}
    </svg>
  );
}

/**
 * The guided timer: holds per spot (or rolling per muscle) per set, with rests, counted from
 * timestamps so it stays right when the phone puts the tab to sleep. Transitions are cued by
 * a vibration, an optional beep and one screen-reader announcement each (never every second).
 */
export function GuidedTimer({ dosage, onMarkDone }: { dosage: PortalDosage; onMarkDone: () => void }) {
  const plan = useMemo(() => buildPlan(dosage), [dosage]);
  const [state, setState] = useState<TimerState>(idleTimer);
  const [now, setNow] = useState(0);
  const [sound, setSound] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const lastIndex = useRef(-1);
  const hydrated = useHydrated();
  const view = viewAt(plan, state, now);
  useWakeLock(state.status === "running");

  useEffect(() => {
    if (state.status !== "running") return;
    const cue = (kind: "step" | "end") => {
      vibrate(kind);
      if (sound) beep(kind);
    };
    const tick = () => {
      const t = Date.now();
      const v = viewAt(plan, state, t);
      setNow(t);
      if (v.status === "done") {
        setState(finish(plan));
        cue("end");
        setAnnouncement("All done. Well done! You can mark this exercise as done now.");
      } else if (v.index !== lastIndex.current) {
        lastIndex.current = v.index;
        cue("step");
        setAnnouncement(phaseAnnouncement(v.phase));
      }
    };
    // A quarter second keeps the display smooth; the position itself comes from the clock.
    const id = window.setInterval(tick, 250);
    document.addEventListener("visibilitychange", tick);
    return () => {
      window.clearInterval(id);
      document.removeEventListener("visibilitychange", tick);
    };
  }, [state, plan, sound]);

  function act(next: (t: number) => TimerState, say?: (s: TimerState, t: number) => string) {
    const t = Date.now();
    const s = next(t);
    const v = viewAt(plan, s, t);
    lastIndex.current = v.index;
    setState(v.status === "done" ? finish(plan) : s);
    setNow(t);
    if (say)
      setAnnouncement(v.status === "done" ? "All done. Well done! You can mark this exercise as done now." : say(s, t));
  }

  const onStart = () => {
    if (sound) unlockAudio();
    act(
      (t) => start(state, t),
      (s, t) => phaseAnnouncement(viewAt(plan, s, t).phase),
    );
  };
  const onPause = () =>
    act(
      (t) => pause(plan, state, t),
      () => "Paused.",
    );
  const onResume = () =>
    act(
      (t) => resume(state, t),
      (s, t) => `Carrying on. ${formatSeconds(Math.ceil(viewAt(plan, s, t).remainingMs / 1000), "long")} left.`,
    );
  const onSkip = () =>
    act(
      (t) => skip(plan, state, t),
      (s, t) => phaseAnnouncement(viewAt(plan, s, t).phase),
    );
  const onReset = () =>
    act(
      () => idleTimer,
      () => "Timer reset.",
    );
  const toggleSound = () => {
    if (!sound) unlockAudio();
    setSound(!sound);
  };

  const idle = view.status === "idle";
  const done = view.status === "done";
  const seconds = idle ? Math.round(totalMs(plan) / 1000) : Math.ceil(view.remainingMs / 1000);
  const step = `Step ${view.index + 1} of ${plan.length}`;
  const pct = Math.round(view.totalProgress * 100);

  return (
    <section
      id="timer"
      aria-labelledby="timer-heading"
      className="scroll-mt-4 rounded-lg border border-line bg-white p-5 shadow-sm"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id="timer-heading" className="text-lg font-semibold text-ink">
          Guided timer
        </h2>
        <Button type="button" variant="ghost" aria-pressed={sound} onClick={toggleSound} disabled={!hydrated}>
          {/* The name stays "Sound"; aria-pressed tells on or off to a screen reader, the text to the eye. */}
          <SpeakerIcon on={sound} />
          <span>
            Sound<span aria-hidden="true">: {sound ? "on" : "off"}</span>
          </span>
        </Button>
      </div>

      <div className="relative mx-auto my-4 size-60 max-w-full">
        <Ring progress={idle ? 0 : view.phaseProgress} phase={idle || done ? null : view.phase} />
        <div className="absolute inset-0 flex flex-col items-center justify-center px-8 text-center">
          <p className="text-base font-semibold tracking-wide text-muted uppercase">
            {done ? "Well done" : idle ? "Ready" : view.phase.title}
            {view.status === "paused" ? " · paused" : ""}
          </p>
          {done ? (
            <p className="text-6xl font-semibold text-ok" aria-hidden="true">
              ✓
            </p>
          ) : (
            <p
              role="timer"
              aria-label={idle ? "Whole session" : "Time left in this step"}
              className="tabular text-6xl leading-tight font-semibold text-ink"
            >
              {formatSeconds(seconds)}
            </p>
          )}
          <p className="text-sm font-medium text-ink">
            {done ? "Session complete" : idle ? `${plan.length} steps` : phaseCounter(view.phase)}
          </p>
        </div>
      </div>

      <p className="min-h-12 text-center text-base text-ink">
        {done
          ? "How did it go? Mark it as done and tell your therapist how the spot feels."
          : idle
            ? "Get into position first, then press Start. The timer counts each step and rest for you."
            : view.phase.instruction}
      </p>

      {!idle ? (
        <div className="mt-3 space-y-1">
          <div className="flex justify-between text-sm text-muted">
            <span>{done ? "All steps done" : step}</span>
            <span className="tabular">{pct}%</span>
          </div>
          <div
            role="progressbar"
            aria-label="Whole session"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={pct}
            className="h-2 overflow-hidden rounded-full bg-stone-200"
          >
            <div className="h-full rounded-full bg-accent-600" style={{ width: `${pct}%` }} />
          </div>
        </div>
      ) : null}

      <div className="mt-4 flex flex-wrap gap-2">
        {idle ? (
          <Button type="button" className={big} onClick={onStart} disabled={!hydrated}>
            Start
          </Button>
        ) : done ? (
          <>
            <Button type="button" className={big} onClick={onMarkDone}>
              Mark as done
            </Button>
            <Button type="button" variant="secondary" className={big} onClick={onReset}>
              Start again
            </Button>
          </>
        ) : (
          <>
            {view.status === "running" ? (
              <Button type="button" className={big} onClick={onPause}>
                Pause
              </Button>
            ) : (
              <Button type="button" className={big} onClick={onResume}>
                Resume
              </Button>
            )}
            <Button type="button" variant="secondary" className={big} onClick={onSkip}>
              Skip<span className="sr-only"> to the next step</span>
            </Button>
            <Button type="button" variant="secondary" className={big} onClick={onReset}>
              Reset
            </Button>
          </>
        )}
      </div>

      {/* Always in the page so changes are read out; only transitions change it. */}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
