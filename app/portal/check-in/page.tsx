import type { Metadata } from "next";
import { formatFor, type ClinicFormat } from "@/lib/format/clinic-format";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { listMyCheckIns } from "@/lib/outcomes/questionnaires/check-ins/list-my-check-ins";
import { CheckInForm } from "../_components/check-in/check-in-form";

export const metadata: Metadata = { title: "Weekly check-in" };

/** "Week of Monday 9 March" ("Monday, March 9"): the clinic's ISO week, named by its Monday. */
function weekLabel(weekStart: string, f: ClinicFormat) {
  return `Week of ${f.day(weekStart, "weekdayLong")}`;
}

export default async function CheckInPage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const initial = await listMyCheckIns(await getDb(), actor);
  return (
    <div className="space-y-4">
      <Link
        href="/portal"
        className="inline-flex min-h-11 items-center text-sm text-accent-700 underline-offset-2 hover:underline"
      >
        ← Back to your portal
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">Where does it hurt this week?</h1>
      <CheckInForm initial={initial} weekLabel={weekLabel(initial.thisWeek, formatFor(actor))} />
    </div>
  );
}
