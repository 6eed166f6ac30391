import type { Metadata } from "next";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { requireActor } from "@/lib/auth/require-actor";
import { getDb } from "@/lib/server-db";
import { exerciseRegions, listExercises, listExercisesQuery, TOOLS } from "@/lib/exercises/list-exercises";
import { listMuscles } from "@/lib/visits/muscles";
import { PageHeader } from "@/app/_components/ui/layout";
import { Badge, EmptyState } from "@/app/_components/ui/feedback";
import { buttonClass } from "@/app/_components/ui/button";

export const metadata: Metadata = { title: "SMR exercise library" };


function dosageText(d: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof d.hold_seconds === "number") parts.push(`hold ${d.hold_seconds} s per spot`);
  if (typeof d.seconds_per_muscle === "number") parts.push(`${d.seconds_per_muscle} s per muscle`);
  if (typeof d.sets === "number") parts.push(`${d.sets} set${d.sets === 1 ? "" : "s"}`);
  if (typeof d.frequency_per_week === "number") parts.push(`${d.frequency_per_week}× a week`);
  return parts.join(" · ");
}

const selectClass = "block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3";

export default async function ExercisesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireActor({ permission: "muscles.read" });
  const raw = await searchParams;
  const parsed = listExercisesQuery.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v)));
  const query = parsed.success ? parsed.data : {};
  const db = await getDb();
  const [exercises, regions, muscles] = await Promise.all([listExercises(db, actor, query), exerciseRegions(db), listMuscles(db, actor)]);
  return (
    <>
      <PageHeader title="SMR exercise library" description="Self-myofascial release with a ball, roller, stick, hook tool, massage gun or hands: instructions, default dosage and cautions." />
      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-5" aria-label="Filter exercises">
        <div className="lg:col-span-2">
          <label htmlFor="q" className="mb-1 block text-sm font-medium">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} placeholder="e.g. calf, wall" className={selectClass} />
        </div>
        <div>
          <label htmlFor="tool" className="mb-1 block text-sm font-medium">Tool</label>
          <select id="tool" name="tool" defaultValue={query.tool ?? ""} className={selectClass}>
            <option value="">Any tool</option>
            {TOOLS.map((t) => <option key={t} value={t}>{TOOL_LABEL[t]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="region" className="mb-1 block text-sm font-medium">Body region</label>
          <select id="region" name="region" defaultValue={query.region ?? ""} className={selectClass}>
            <option value="">Any region</option>
            {regions.map((r) => <option key={r} value={r}>{r.replaceAll("_", " ")}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="muscle" className="mb-1 block text-sm font-medium">Muscle</label>
          <select id="muscle" name="muscle" defaultValue={query.muscle ?? ""} className={selectClass}>
            <option value="">Any muscle</option>
            {muscles.filter((m) => m.source === "library").map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </div>
        <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
          <button type="submit" className={buttonClass("primary")}>Show exercises</button>
          <a href="/exercises" className={buttonClass("secondary")}>Clear filters</a>
        </div>
      </form>
      <p className="mb-3 text-sm text-muted" role="status">{exercises.length} exercise{exercises.length === 1 ? "" : "s"}</p>
      {exercises.length === 0 ? (
        <EmptyState title="No exercise matches these filters">Try another tool or a wider body region.</EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Exercises">
          {exercises.map((e) => (
            <li key={e.id} className="rounded-lg border border-line bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <h2 className="font-semibold">{e.name}</h2>
                <Badge tone="info">{TOOL_LABEL[e.tool] ?? e.tool}</Badge>
              </div>
              <p className="mt-1 text-sm text-muted">Targets {e.targetMuscles.map((m) => m.name).join(", ")}</p>
              <p className="tabular mt-1 text-sm">{dosageText(e.dosage)}</p>
              <details className="mt-2 text-sm">
                <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent-700">Instructions and cautions</summary>
                <p className="leading-relaxed">{e.instructions}</p>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-danger">
                  {e.cautions.map((c) => <li key={c}>{c}</li>)}
                </ul>
              </details>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
