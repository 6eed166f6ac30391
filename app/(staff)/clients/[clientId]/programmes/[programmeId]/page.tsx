import type { Metadata } from "next";
import { formatFor } from "@/lib/format/clinic-format";
import Link from "next/link";
import { can } from "@/lib/identity/scopes";
import { PROGRAMME_WORDING } from "@/lib/programmes/wording";
import { localDateOf } from "@/lib/format/zoned";
import { ButtonLink } from "@/app/_components/ui/button";
import { Badge } from "@/app/_components/ui/feedback";
import { EndProgramme } from "../_components/end-programme";
import { requireProgrammePage } from "../_components/load-programme";
import { VersionItems } from "../_components/version-items";

export const metadata: Metadata = { title: "Programme history" };

/** What the client was asked to do, and when: every version, newest first. */
export default async function ProgrammeHistoryPage({
  params,
}: {
  params: Promise<{ clientId: string; programmeId: string }>;
}) {
  const { clientId, programmeId } = await params;
  const { actor, programme: p } = await requireProgrammePage(clientId, programmeId, "programmes.read");
  const write = can(actor, "programmes.write") && p.status !== "ended";
  const f = formatFor(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <Link href={`/clients/${clientId}`} className="text-sm text-accent-700 underline-offset-2 hover:underline">
            ← {p.clientName}
          </Link>
          <h1 className="text-2xl font-semibold tracking-tight text-ink">{p.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            {PROGRAMME_WORDING[p.wording].title} · {p.versions.length} version{p.versions.length === 1 ? "" : "s"}
            <Badge tone={p.status === "ended" ? "neutral" : p.status === "active" ? "success" : "info"}>
              {p.status === "active" ? "Running" : p.status === "ended" ? "Ended" : "Scheduled"}
            </Badge>
          </p>
        </div>
        <div className="flex flex-wrap items-end gap-2">
          {write ? <ButtonLink href={`/clients/${clientId}/programmes/${p.id}/revise`}>Revise</ButtonLink> : null}
          <ButtonLink href={`/clients/${clientId}/programmes/${p.id}/print`} variant="secondary">
            Print
          </ButtonLink>
          {write ? (
            <EndProgramme
              clientId={clientId}
              programmeId={p.id}
              version={p.currentVersion}
              today={localDateOf(new Date(), actor.clinicTimezone)}
            />
          ) : null}
        </div>
      </div>
      {p.versions.map((v) => (
        <section
          key={v.version}
          id={`version-${v.version}`}
          aria-labelledby={`version-${v.version}-heading`}
          className="space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm"
        >
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 id={`version-${v.version}-heading`} className="text-lg font-semibold text-ink">
              Version {v.version}
              {v.version === p.currentVersion && p.status !== "ended" ? " (current)" : ""}
            </h2>
            <Link
              href={`/clients/${clientId}/programmes/${p.id}/print?version=${v.version}`}
              className="text-sm text-accent-700 underline-offset-2 hover:underline"
            >
              Print version {v.version}
            </Link>
          </div>
          <p className="text-sm text-muted">
            From {f.day(v.startDate, "dateLong")} {v.lastDay ? `to ${f.day(v.lastDay, "dateLong")}` : "until changed"} ·
            prescribed by {v.createdByName} on {f.at(v.createdAt, "dateTime")}
          </p>
          {v.changeNote ? (
            <p className="text-sm">
              <span className="font-medium">What changed: </span>
              {v.changeNote}
            </p>
          ) : null}
          {v.notes ? (
            <p className="text-sm">
              <span className="font-medium">Notes for the client: </span>
              {v.notes}
            </p>
          ) : null}
          <VersionItems version={v} />
        </section>
      ))}
    </div>
  );
}
