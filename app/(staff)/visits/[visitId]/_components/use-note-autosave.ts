"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { visitKeys } from "@/app/_lib/queries/visits";
import type { VisitDetail } from "@/lib/clinical/schemas";

export const SECTIONS = ["subjective", "objective", "assessment", "plan"] as const;
export type Section = (typeof SECTIONS)[number];
export type NoteFields = Record<Section, string> & { painRegions: string[] };

export type SaveState =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string }
  | { kind: "conflict"; theirs: NoteFields & { version: number; updatedAt: string } };

const DEBOUNCE_MS = 800;

/**
 * Saves the note as the therapist types, never losing words: each save carries the version
 * it was based on; a 409 pauses saving and keeps both texts until the therapist resolves it.
 */
export function useNoteAutosave(visit: VisitDetail, editable: boolean) {
  const qc = useQueryClient();
  const [fields, setFields] = useState<NoteFields>(() => ({
    subjective: visit.subjective,
    objective: visit.objective,
    assessment: visit.assessment,
    plan: visit.plan,
    painRegions: visit.painRegions,
  }));
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const version = useRef(visit.version);
  const dirty = useRef(new Set<keyof NoteFields>());
  const latest = useRef(fields);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flush = useCallback(async () => {
    if (inFlight.current || dirty.current.size === 0) return;
    inFlight.current = true;
    const keys = [...dirty.current];
    dirty.current.clear();
    const body = { version: version.current, ...Object.fromEntries(keys.map((k) => [k, latest.current[k]])) };
    setState({ kind: "saving" });
    try {
      const r = await call(ops.updateVisitNote, { params: { visitId: visit.id }, body });
      version.current = r.version;
      setState(dirty.current.size > 0 ? { kind: "pending" } : { kind: "saved", at: r.updatedAt });
      qc.setQueryData<VisitDetail>(visitKeys.detail(visit.id), (v) =>
        v ? { ...v, ...latest.current, version: r.version } : v,
      );
    } catch (err) {
      for (const k of keys) dirty.current.add(k);
      const theirs =
        err instanceof ApiError && err.status === 409
          ? (err.details.current as (NoteFields & { version: number; updatedAt: string }) | undefined)
          : undefined;
      setState(
        theirs
          ? { kind: "conflict", theirs }
          : { kind: "error", message: err instanceof Error ? err.message : "Not saved." },
      );
    } finally {
      inFlight.current = false;
      if (dirty.current.size > 0 && timer.current === null) schedule();
    }
    // schedule is stable for the hook's lifetime
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [visit.id, qc]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void flush();
    }, DEBOUNCE_MS);
  }, [flush]);

  const change = useCallback(
    <K extends keyof NoteFields>(key: K, value: NoteFields[K]) => {
      if (!editable) return;
      latest.current = { ...latest.current, [key]: value };
      setFields(latest.current);
      dirty.current.add(key);
      setState((s) => (s.kind === "conflict" ? s : { kind: "pending" }));
      schedule();
    },
    [editable, schedule],
  );

  /** Resolve a conflict: keep my text (save it over theirs) or take theirs. */
  const resolve = useCallback(
    (choice: "mine" | "theirs") => {
      setState((s) => {
        if (s.kind !== "conflict") return s;
        version.current = s.theirs.version;
        if (choice === "theirs") {
          const { version: _v, updatedAt: _u, ...theirs } = s.theirs;
          latest.current = theirs;
          setFields(theirs);
          dirty.current.clear();
          return { kind: "saved", at: s.theirs.updatedAt };
        }
        for (const k of [...SECTIONS, "painRegions"] as const) dirty.current.add(k);
        queueMicrotask(() => void flush());
        return { kind: "pending" };
      });
    },
    [flush],
  );

  // Leaving with unsaved words asks first.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (dirty.current.size > 0 || inFlight.current) e.preventDefault();
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  const hasUnsaved = () => dirty.current.size > 0 || inFlight.current;
  const currentVersion = () => version.current;
  return { fields, change, state, resolve, flush, hasUnsaved, currentVersion };
}
