"use client";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/app/_lib/api";
import {
  myCheckInsQuery,
  questionnaireKeys,
  saveMyCheckIn,
  type CheckInDto,
  type MyCheckIns,
} from "@/app/_lib/queries/questionnaires";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { BodyMapPicker, type Chosen } from "./body-map-picker";
import { ChosenPlace } from "./chosen-place";
import { ScoreSheet } from "./score-sheet";
import { RegionList } from "./region-list";
import { CheckInDone } from "./check-in-done";
import { regionById, type Region } from "./body-areas";

/** Server messages keyed "regions.2.score" belong to the third place; anything else to the form. */
function mapErrors(err: unknown, places: Chosen[]): { byPlace: Record<string, string>; problem: string | null } {
  if (!(err instanceof ApiError)) return { byPlace: {}, problem: "Your check-in was not saved. Please try again." };
  if (err.status === 0)
    return {
      byPlace: {},
      problem:
        "Your check-in was not saved: we could not reach the clinic. Check your connection and press Save again.",
    };
  const byPlace: Record<string, string> = {};
  let problem: string | null = null;
  for (const [key, [message]] of Object.entries(err.fieldErrors)) {
    const place = places[Number(key.split(".")[1])];
    if (key.startsWith("regions.") && place) byPlace[place.regionId] ??= message ?? err.message;
    else problem ??= message ?? err.message;
  }
  return { byPlace, problem: problem ?? (Object.keys(byPlace).length ? null : err.message) };
}

/**
 * The weekly "where does it hurt?" map: tap places on the figure (or pick them from the list),
 * score each 0–10, save. Built to take under a minute on a phone: three taps for one place.
 * A second save the same week replaces that week's map (the server keys it by week).
 */
export function CheckInForm({ initial, weekLabel }: { initial: MyCheckIns; weekLabel: string }) {
  const qc = useQueryClient();
  const { data } = useQuery({ ...myCheckInsQuery(), initialData: initial });
  const existing = data.checkIns.find((c) => c.weekStart === data.thisWeek);
  const [editing, setEditing] = useState(!existing);
  const [places, setPlaces] = useState<Chosen[]>(existing?.regions ?? []);
  const [current, setCurrent] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  /** The place whose score sheet is open at the bottom of the screen. */
  const [scoring, setScoring] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (list: Chosen[]) =>
      saveMyCheckIn({ regions: list.map((p) => ({ regionId: p.regionId, score: p.score! })) }),
    onSuccess: (dto) => {
      qc.setQueryData<MyCheckIns>(
        questionnaireKeys.myCheckIns,
        (d) => d && { ...d, checkIns: [dto, ...d.checkIns.filter((c: CheckInDto) => c.weekStart !== dto.weekStart)] },
      );
      setEditing(false);
      setCurrent(null);
    },
    onError: (err) => {
      const found = mapErrors(err, places);
      setErrors(found.byPlace);
      setProblem(found.problem);
    },
  });

  function pick(r: Region) {
    setCurrent(r.id);
    setScoring(r.id);
    setProblem(null);
    if (!places.some((p) => p.regionId === r.id)) setPlaces((list) => [{ regionId: r.id, score: null }, ...list]);
  }

  function score(id: string, n: number) {
    setPlaces((list) => list.map((x) => (x.regionId === id ? { ...x, score: n } : x)));
    setErrors((e) => ({ ...e, [id]: "" }));
  }

  function done(id: string) {
    setScoring(null);
    setAnnounce(`${regionById(id)?.name ?? id}: scored. Pick another place, or save.`);
  }

  function remove(id: string) {
    setPlaces((list) => list.filter((p) => p.regionId !== id));
    if (current === id) setCurrent(null);
    if (scoring === id) setScoring(null);
    setAnnounce(`Removed ${regionById(id)?.name ?? id}.`);
  }

  function submit() {
    const missing = places.filter((p) => p.score === null);
    if (missing.length) {
      setErrors(
        Object.fromEntries(missing.map((p) => [p.regionId, "Give this place a score from 0 to 10, or remove it."])),
      );
      return setScoring(missing[0]!.regionId);
    }
    setErrors({});
    save.mutate(places);
  }

  if (!editing && existing) {
    return (
      <CheckInDone
        checkIn={existing}
        weekLabel={weekLabel}
        justSaved={save.isSuccess}
        onChange={() => {
          setPlaces(existing.regions);
          setEditing(true);
          save.reset();
        }}
      />
    );
  }

  return (
    <div className="space-y-6 pb-4">
      {/* Keeps whatever has keyboard focus scrolled clear of the bar pinned to the bottom
          (WCAG 2.4.11); only while this form is on screen. */}
      <style>{"html { scroll-padding-bottom: 16rem; }"}</style>
      <p className="text-base text-muted">
        {weekLabel}. Tap each place that hurts on the figure, or choose it from the list, then give it a score. It takes
        under a minute.
      </p>
      <BodyMapPicker chosen={places} current={current} onPick={pick} />
      <p aria-live="polite" className="sr-only">
        {announce}
      </p>
      <section aria-labelledby="places-heading" className="space-y-3">
        <h2 id="places-heading" className="text-lg font-semibold text-ink">
          Your places this week
        </h2>
        {places.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white px-4 py-5 text-center text-base text-muted">
            No places chosen yet. Tap the figure, or use the list below.
          </p>
        ) : (
          <ul className="space-y-3">
            {places.map((p) => (
              <ChosenPlace
                key={p.regionId}
                regionId={p.regionId}
                score={p.score}
                error={errors[p.regionId]}
                onChange={() => {
                  setCurrent(p.regionId);
                  setScoring(p.regionId);
                }}
                onRemove={() => remove(p.regionId)}
              />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="list-heading" className="space-y-2">
        <h2 id="list-heading" className="text-lg font-semibold text-ink">
          Or choose from a list
        </h2>
        <RegionList chosen={new Set(places.map((p) => p.regionId))} onPick={pick} onRemove={remove} />
      </section>
      {problem ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger">
          {problem}
        </p>
      ) : null}
      <div className="sticky bottom-0 -mx-4 flex gap-2 border-t border-line bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.06)]">
        {scoring ? (
          <div className="flex-1">
            <ScoreSheet
              regionId={scoring}
              score={places.find((p) => p.regionId === scoring)?.score ?? null}
              onScore={(n) => score(scoring, n)}
              onDone={() => done(scoring)}
              onCancel={() => remove(scoring)}
            />
          </div>
        ) : places.length > 0 ? (
          <Button type="button" busy={save.isPending} onClick={submit} className="min-h-12 flex-1 text-base">
            Save · {places.length} {places.length === 1 ? "place" : "places"}
          </Button>
        ) : (
          <Button
            type="button"
            busy={save.isPending}
            onClick={submit}
            variant="secondary"
            className="min-h-12 flex-1 text-base"
          >
            Save: nothing hurts
          </Button>
        )}
        {scoring ? null : existing ? (
          <Button
            type="button"
            variant="ghost"
            className="min-h-12"
            onClick={() => {
              setEditing(false);
              setErrors({});
            }}
          >
            Cancel
          </Button>
        ) : (
          <ButtonLink href="/portal" variant="ghost" className="min-h-12">
            Not now
          </ButtonLink>
        )}
      </div>
    </div>
  );
}
