"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { myProgrammeQuery, type PortalProgrammeView } from "@/app/_lib/queries/portal-programme";
import type { PortalItem } from "@/lib/programmes/portal-schemas";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { Card } from "@/app/_components/ui/layout";
import { ButtonLink } from "@/app/_components/ui/button";
import { ProgrammeCardSkeleton, ProgrammeLoadError } from "../programme/_components/programme-states";
import {
  adherenceWords,
  dosageWords,
  nextProgrammeDay,
  relativeDay,
  scheduleWords,
  sessionMinutes,
} from "../programme/_lib/words";
import { buildPlan, totalMs } from "../programme/_lib/timer-plan";

/** "Done 1 of 2 today", with a tick (not only green) once today's sessions are all done. */
function DoneToday({ item }: { item: PortalItem }) {
  const complete = item.doneToday >= item.prescribedToday;
  return complete ? (
    <p className="inline-flex items-center gap-1 rounded-full bg-green-50 px-3 py-1 text-sm font-semibold text-ok">
      <span aria-hidden="true">✓</span> Done today
    </p>
  ) : (
    <p className="tabular rounded-full bg-stone-100 px-3 py-1 text-sm font-medium text-ink">
      Done {item.doneToday} of {item.prescribedToday} today
    </p>
  );
}

/** After a numbness/tingling report the item waits for the therapist (the stop rule: stop and report). */
function PausedItem({ item }: { item: PortalItem }) {
  return (
    <li className="space-y-2 rounded-lg border-2 border-amber-300 bg-amber-50 p-4">
      <h3 className="text-lg leading-snug font-semibold text-ink">{item.name}</h3>
      <p className="text-base text-ink">
        <span className="font-semibold text-warn">Paused.</span>{" "}
        {item.pausedByPrecaution
          ? "Something in your health details means this one may not suit you now. Please leave it until your therapist has updated your programme."
          : "You reported numbness, tingling or shooting pain. Please don't do this one again until your therapist has checked in with you."}
      </p>
      <Link
        href={`/portal/programme/${item.itemId}`}
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline underline-offset-2"
      >
        See the exercise<span className="sr-only">: {item.name}</span>
      </Link>
    </li>
  );
}

function TodayItem({ item }: { item: PortalItem }) {
  if (item.pausedForReview || item.pausedByPrecaution) return <PausedItem item={item} />;
  const complete = item.doneToday >= item.prescribedToday;
  const minutes = sessionMinutes(totalMs(buildPlan(item.dosage)) / 1000);
  return (
    <li
      className={`space-y-3 rounded-lg border-2 p-4 ${complete ? "border-green-200 bg-green-50/40" : "border-line bg-white"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg leading-snug font-semibold text-ink">{item.name}</h3>
        <DoneToday item={item} />
      </div>
      <p className="text-sm text-muted">
        {item.toolLabel} · {minutes}
        {item.prescribedToday > 1 ? ` · ${item.prescribedToday} times today` : ""}
      </p>
      <p className="text-base text-ink">{dosageWords(item.dosage)}</p>
      <ButtonLink
        href={`/portal/programme/${item.itemId}`}
        variant={complete ? "secondary" : "primary"}
        className="min-h-12 w-full text-base"
      >
        {complete ? "Open again" : "Start"}
        <span className="sr-only">: {item.name}</span>
      </ButtonLink>
    </li>
  );
}

function Adherence({ tally }: { tally: PortalProgrammeView["adherenceThisWeek"] }) {
  const words = adherenceWords(tally);
  if (!words) return null;
  const pct = Math.round(Math.min(1, tally.completed / tally.prescribed) * 100);
  return (
    <div className="space-y-2 border-t border-line pt-4">
      <p className="text-sm text-ink">{words}</p>
      <div aria-hidden="true" className="h-2 overflow-hidden rounded-full bg-stone-200">
        <div className="h-full rounded-full bg-accent-600" style={{ width: `${pct}%` }} />
      </div>
    </div>
  );
}

/**
 * The portal home's programme card: today's exercises as large cards with a Start button,
 * a kind word on a rest day, and the week so far. No programme → one friendly line.
 */
export function TodaysProgrammeView({ initial }: { initial?: PortalProgrammeView }) {
  const f = useClinicFormat();
  const query = useQuery({ ...myProgrammeQuery(), initialData: initial });
  const view = query.data;
  const fallbackTitle = PROGRAMME_WORDING.self_care.title;

  if (!view) {
    return (
      <Card title={fallbackTitle}>
        {query.isError ? <ProgrammeLoadError retry={() => void query.refetch()} /> : <ProgrammeCardSkeleton />}
      </Card>
    );
  }

  const { title, short } = PROGRAMME_WORDING[view.wording];
  if (view.programmes.length === 0) {
    return (
      <section aria-label={title} className="rounded-lg border border-line bg-white px-5 py-4 text-base text-muted">
        No {short} from your therapist yet. When they give you some, it will appear here.{" "}
        <Link href="/portal/tools" className="text-accent-700 underline underline-offset-2">
          Tell us which tools you have at home
        </Link>
        .
      </section>
    );
  }

  const items = view.programmes.flatMap((p) => p.items);
  const today = items.filter((i) => i.prescribedToday > 0);
  const otherDays = items.filter((i) => i.prescribedToday === 0);
  const next = today.length === 0 ? nextProgrammeDay(view.programmes, view.date) : null;
  const notes = view.programmes.filter((p) => p.notes.trim());

  return (
    <Card
      title={title}
      actions={
        <Link
          href="/portal/programme/print"
          className="inline-flex min-h-11 items-center px-2 text-sm text-accent-700 underline underline-offset-2"
        >
          Print
        </Link>
      }
    >
      <div className="space-y-4">
        {notes.map((p) => (
          <p key={p.id} className="rounded-md bg-accent-50 px-4 py-3 text-sm text-accent-800">
            <span className="font-semibold">From {p.therapistName}:</span> {p.notes}
          </p>
        ))}
        {today.length ? (
          <>
            <h3 className="sr-only">Today</h3>
            <ul className="space-y-3" aria-label="Today's exercises">
              {today.map((item) => (
                <TodayItem key={item.itemId} item={item} />
              ))}
            </ul>
          </>
        ) : (
          <p className="rounded-lg bg-stone-50 px-4 py-3 text-base text-ink">
            Nothing to do today — enjoy the rest.{" "}
            {next
              ? `Your next session is ${relativeDay(next, view.date, f)}.`
              : "Your therapist will plan what comes next at your next visit."}
          </p>
        )}
        {otherDays.length ? (
          <div>
            <h3 className="text-sm font-semibold text-ink">{today.length ? "On other days" : "Your exercises"}</h3>
            <ul className="mt-1 space-y-1">
              {otherDays.map((i) => (
                <li key={i.itemId}>
                  <Link
                    href={`/portal/programme/${i.itemId}`}
                    className="inline-flex min-h-11 flex-wrap items-center gap-x-2 text-sm text-accent-700 underline underline-offset-2"
                  >
                    {i.name}
                    <span className="text-muted no-underline">({scheduleWords(i.dosage)})</span>
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Adherence tally={view.adherenceThisWeek} />
        <Link
          href="/portal/tools"
          className="inline-flex min-h-11 items-center text-sm text-accent-700 underline underline-offset-2"
        >
          Which tools do you have at home?
        </Link>
      </div>
    </Card>
  );
}
