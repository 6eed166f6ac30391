"use client";
import { PressureScale } from "@/app/_components/pressure-scale";
import { AvoidSites } from "@/app/_components/safety-lists";
import Link from "next/link";
import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { myProgrammeQuery, type PortalProgrammeView } from "@/app/_lib/queries/portal-programme";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { useHydrated } from "@/app/portal/_components/use-hydrated";
import { dosageWords, instructionSteps, scheduleWords } from "../_lib/words";
import { GuidedTimer } from "./guided-timer";
import { CompletionForm } from "./completion-form";
import { StopRules } from "./stop-rules";
import { ItemPageSkeleton, ProgrammeLoadError } from "./programme-states";

const back = (
  <Link
    href="/portal"
    className="inline-flex min-h-11 items-center text-sm text-accent-700 underline underline-offset-2"
  >
    ← Today
  </Link>
);

/**
 * One exercise, phone first: what to do and how much, the therapist's note, the steps and the
 * safety rules (always shown, not folded away), the guided timer and the tick-off.
 */
export function ItemView({ itemId, initial }: { itemId: string; initial?: PortalProgrammeView }) {
  const query = useQuery({ ...myProgrammeQuery(), initialData: initial });
  const [marking, setMarking] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  const hydrated = useHydrated();

  if (!query.data) {
    return query.isError ? (
      <div className="space-y-4">
        {back}
        <ProgrammeLoadError retry={() => void query.refetch()} />
      </div>
    ) : (
      <ItemPageSkeleton />
    );
  }
  const programme = query.data.programmes.find((p) => p.items.some((i) => i.itemId === itemId));
  const item = programme?.items.find((i) => i.itemId === itemId);
  if (!programme || !item) {
    // A new version of the programme gives its items new ids while this page was open.
    return (
      <div className="space-y-4">
        {back}
        <Notice tone="warning" title="This exercise is no longer in your programme">
          <p>Your therapist may have updated your programme. Go back to today&apos;s list to see what to do now.</p>
        </Notice>
      </div>
    );
  }

  const openForm = () => {
    setMarking(true);
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    requestAnimationFrame(() =>
      doneRef.current?.scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" }),
    );
  };
  const complete = item.prescribedToday > 0 && item.doneToday >= item.prescribedToday;
  const steps = instructionSteps(item.instructions);

  return (
    <article aria-labelledby="item-title" className="space-y-5">
      <div>
        {back}
        <h1 id="item-title" className="mt-1 text-2xl leading-tight font-semibold tracking-tight text-ink">
          {item.name}
        </h1>
        <p className="mt-1 text-sm text-muted">
          {item.toolLabel}
          {item.targetMuscles.length ? ` · ${item.targetMuscles.map((m) => m.name).join(", ")}` : ""}
        </p>
      </div>

      <div className="space-y-2 rounded-lg border border-line bg-white p-4">
        <p className="text-lg leading-snug font-medium text-ink">{dosageWords(item.dosage)}</p>
        <p className="text-sm text-muted">{scheduleWords(item.dosage)}</p>
        <p className={`text-base font-medium ${complete ? "text-ok" : "text-ink"}`}>
          {item.prescribedToday === 0
            ? "Not planned for today. Doing it anyway is fine and counts for this week."
            : complete
              ? `✓ Done today (${item.doneToday} of ${item.prescribedToday})`
              : `Done ${item.doneToday} of ${item.prescribedToday} today`}
        </p>
        <a
          href="#timer"
          className="inline-flex min-h-11 items-center text-sm text-accent-700 underline underline-offset-2"
        >
          Go to the timer
        </a>
      </div>

      {item.note.trim() ? (
        <section aria-labelledby="note-heading" className="rounded-lg bg-accent-50 px-4 py-3 text-accent-800">
          <h2 id="note-heading" className="text-sm font-semibold">
            From {programme.therapistName}
          </h2>
          <p className="mt-1 text-base whitespace-pre-line">{item.note}</p>
        </section>
      ) : null}

      <section aria-labelledby="steps-heading" className="space-y-3">
        <h2 id="steps-heading" className="text-lg font-semibold text-ink">
          How to do it
        </h2>
        {item.imageUrl ? (
          // A clinic's own upload of unknown size: a plain img keeps it simple and lazy.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={item.imageUrl}
            alt={`How to do ${item.name}`}
            loading="lazy"
            className="w-full rounded-lg border border-line bg-white object-contain"
          />
        ) : null}
        <ol className="list-decimal space-y-2 pl-6 text-base leading-relaxed text-ink marker:font-semibold marker:text-accent-700">
          {steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </section>

      <PressureScale bands={query.data.pressureScale} headingId="pressure-heading" />
      <AvoidSites sites={query.data.avoidSites} headingId="avoid-heading" heading="Never press on" />

      <section aria-labelledby="stop-heading" className="space-y-3">
        <StopRules rules={item.stopRules} headingId="stop-heading" />
        {item.cautions.length ? (
          <div className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3">
            <h2 className="text-base font-semibold text-warn">Take care</h2>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm leading-snug text-ink">
              {item.cautions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      {/* While the form is open it stays, so its "we have told your therapist" confirmation is read. */}
      {(item.pausedForReview || item.pausedByPrecaution) && !marking ? (
        <Notice tone="warning" title="Paused until your therapist has checked in">
          <p>
            {item.pausedByPrecaution
              ? `Something in your health details means this exercise may not suit you now. Please leave it until ${programme.therapistName} has updated your programme.`
              : `You reported numbness, tingling or shooting pain with this exercise. Please don't do it again until ${programme.therapistName} has been in touch; if it does not settle, call the clinic.`}
          </p>
        </Notice>
      ) : (
        <>
          <GuidedTimer dosage={item.dosage} onMarkDone={openForm} />

          <div ref={doneRef} className="scroll-mt-4 rounded-lg border border-line bg-white p-5 shadow-sm">
            {marking ? (
              <CompletionForm
                key={item.itemId}
                item={item}
                therapistName={programme.therapistName}
                onCancel={() => setMarking(false)}
              />
            ) : (
              <div className="space-y-3">
                <p className="text-base text-ink">Finished, or did it without the timer?</p>
                <Button
                  type="button"
                  variant={complete ? "secondary" : "primary"}
                  className="min-h-12 w-full text-base"
                  onClick={openForm}
                  disabled={!hydrated}
                >
                  Mark as done
                </Button>
              </div>
            )}
          </div>
        </>
      )}
    </article>
  );
}
