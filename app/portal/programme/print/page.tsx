import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { requireActor } from "@/lib/identity/require-actor";
import { getDb } from "@/lib/server-db";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { getPortalProgramme } from "@/lib/programmes/portal";
import type { PortalItem } from "@/lib/programmes/portal-schemas";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { dosageWords, instructionSteps, scheduleWords } from "../_lib/words";
import { PrintButton } from "./print-button";
import "@/app/_components/print/a4.css";
import "./print.css";

export const metadata: Metadata = { title: "Print your programme" };

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** A week of tick boxes on paper: a box on each prescribed day, a dash on the others. */
function WeekTicks({ item }: { item: PortalItem }) {
  return (
    <table className="mt-3 w-full table-fixed border-collapse text-center text-xs">
      <caption className="sr-only">Tick a box each day you do it</caption>
      <thead>
        <tr>
          {DAYS.map((d) => (
            <th key={d} scope="col" className="pb-1 font-medium text-muted">
              {d}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {DAYS.map((d, i) => (
            <td key={d} className="px-1">
              {item.dosage.daysOfWeek.includes(i + 1) ? (
                <span
                  className="mx-auto block h-7 w-full max-w-10 rounded border-2 border-stone-400"
                  aria-label={`${d}: to do`}
                  role="img"
                />
              ) : (
                <span className="text-muted" aria-label={`${d}: rest day`} role="img">
                  –
                </span>
              )}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function PrintItem({ item, n }: { item: PortalItem; n: number }) {
  return (
    <li className="print-item rounded-lg border border-line bg-white p-5 shadow-sm">
      <h3 className="text-lg font-semibold text-ink">
        {n}. {item.name}
      </h3>
      <p className="text-sm text-muted">
        {item.toolLabel}
        {item.targetMuscles.length ? ` · ${item.targetMuscles.map((m) => m.name).join(", ")}` : ""}
      </p>
      <p className="mt-2 font-medium text-ink">{dosageWords(item.dosage)}</p>
      <p className="text-sm text-ink">{scheduleWords(item.dosage)}</p>
      {item.note.trim() ? (
        <p className="mt-2 text-sm text-ink">
          <span className="font-semibold">Note from your therapist:</span> {item.note}
        </p>
      ) : null}
      <h4 className="mt-3 text-sm font-semibold text-ink">How to do it</h4>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-ink">
        {instructionSteps(item.instructions).map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ol>
      {item.cautions.length ? (
        <>
          <h4 className="mt-3 text-sm font-semibold text-warn">Take care</h4>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
            {item.cautions.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="mt-3 rounded border-2 border-red-300 px-3 py-2">
        <h4 className="text-sm font-semibold text-danger">Stop at once if</h4>
        <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-red-900">
          {item.stopRules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      </div>
      <WeekTicks item={item} />
    </li>
  );
}

/** The client's programme as a printable page: clinic, client, the wording title, every item in full. */
export default async function PrintProgrammePage() {
  const actor = await requireActor({ permission: "portal.self" });
  if (!actor.clientId) forbidden();
  const f = formatFor(actor);
  const db = await getDb();
  const [view, me] = await Promise.all([getPortalProgramme(db, actor), getClientOrThrow(db, actor, actor.clientId)]);
  const { title } = PROGRAMME_WORDING[view.wording];
  const clientName = `${me.firstName} ${me.lastName}`;

  return (
    <div className="programme-print space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link
          href="/portal"
          className="inline-flex min-h-11 items-center text-sm text-accent-700 underline underline-offset-2"
        >
          ← Today
        </Link>
        {view.programmes.length ? <PrintButton /> : null}
      </div>
      <header className="border-b border-line pb-3">
        <p className="text-sm text-muted">{actor.clinicName}</p>
        <h1 className="text-2xl font-semibold tracking-tight text-ink">{title}</h1>
        <p className="text-base text-ink">
          For {clientName} · printed {f.day(view.date, "dateLong")}
        </p>
      </header>

      {view.programmes.length === 0 ? (
        <p className="text-base text-muted">
          Your therapist has not given you a programme yet, so there is nothing to print.
        </p>
      ) : (
        view.programmes.map((p) => (
          <section key={p.id} aria-labelledby={`p-${p.id}`} className="space-y-3">
            <div>
              <h2 id={`p-${p.id}`} className="text-xl font-semibold text-ink">
                {p.title}
              </h2>
              <p className="text-sm text-muted">
                From {p.therapistName} · since {f.day(p.startDate, "dateLong")}
                {p.endDate ? ` until ${f.day(p.endDate, "dateLong")}` : ""}
              </p>
              {p.notes.trim() ? <p className="mt-2 text-base whitespace-pre-line text-ink">{p.notes}</p> : null}
            </div>
            <ol className="space-y-4">
              {p.items.map((item, i) => (
                <PrintItem key={item.itemId} item={item} n={i + 1} />
              ))}
            </ol>
          </section>
        ))
      )}
      <p className="text-sm text-muted">
        Questions or worries? Contact {actor.clinicName}. If something feels wrong, stop and ask before you carry on.
      </p>
    </div>
  );
}
