import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import Link from "next/link";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { requireProgrammePage } from "../../_components/load-programme";
import { VersionItems } from "../../_components/version-items";
import { PrintButton } from "./print-button";
import "@/app/_components/print/a4.css";
import "./print.css";

export const metadata: Metadata = { title: "Print programme" };

/** A printable copy of one version (the newest unless ?version= says otherwise), worded per the clinic's scope. */
export default async function PrintProgrammePage({
  params,
  searchParams,
}: {
  params: Promise<{ clientId: string; programmeId: string }>;
  searchParams: Promise<{ version?: string }>;
}) {
  const { clientId, programmeId } = await params;
  const { actor, programme: p } = await requireProgrammePage(
    clientId,
    programmeId,
    "programmes.read",
    "programme_print",
  );
  const wanted = Number((await searchParams).version);
  const v = p.versions.find((x) => x.version === wanted) ?? p.versions[0]!;
  const wording = PROGRAMME_WORDING[p.wording];
  return (
    <article className="programme-print mx-auto max-w-3xl space-y-5">
      <div className="no-print flex flex-wrap items-center justify-between gap-2">
        <Link
          href={`/clients/${clientId}/programmes/${p.id}`}
          className="text-sm text-accent-700 underline-offset-2 hover:underline"
        >
          ← Programme history
        </Link>
        <PrintButton />
      </div>
      <header className="border-b border-stone-300 pb-3">
        <p className="text-sm text-muted">
          {actor.clinicName} · {wording.title}
        </p>
        <h1 className="text-2xl font-semibold text-ink">{p.title}</h1>
        <p className="text-sm">
          For <strong>{p.clientName}</strong> · from {formatFor(actor).day(v.startDate, "dateLong")}
          {v.lastDay ? ` to ${formatFor(actor).day(v.lastDay, "dateLong")}` : ""} · prescribed by {v.createdByName}
          {p.versions.length > 1 ? ` · version ${v.version}` : ""}
        </p>
      </header>
      {v.notes ? <p className="whitespace-pre-line">{v.notes}</p> : null}
      <p className="text-sm">
        Work gently: aim for a pressure of about the number given out of 10, breathe normally, and let each tender spot
        ease before you move on. Soreness should settle within a day.
      </p>
      <VersionItems version={v} showInstructions />
    </article>
  );
}
