import type { RecentRead } from "@/lib/audit/recent-reads";
import type { ClinicFormat } from "@/lib/format/clinic-format";
import { Card } from "@/app/_components/ui/layout";

/** Server-rendered: the latest people who opened this client's record (admins only). */
export function WhoOpenedCard({ reads, format }: { reads: RecentRead[]; format: ClinicFormat }) {
  return (
    <Card title="Who opened this record">
      {reads.length === 0 ? (
        <p className="text-sm text-muted">Nobody has opened this record since access was first recorded.</p>
      ) : (
        <ul className="divide-y divide-line text-sm" aria-label="Recent openings, newest first">
          {reads.map((r, i) => (
            <li key={`${r.at}-${i}`} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
              <span>
                <span className="font-medium text-ink">{r.personName ?? "System"}</span>{" "}
                <span className="text-muted">— {r.label}</span>
              </span>
              <time dateTime={r.at} className="tabular whitespace-nowrap text-muted">
                {format.at(r.at, "dateTime")}
              </time>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-muted">
        <a className="text-accent-700 underline" href="/admin/audit">
          Full audit trail
        </a>
      </p>
    </Card>
  );
}
