"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { Badge } from "@/app/_components/ui/feedback";
import type { ClientPackageDto } from "@/lib/billing/package-schemas";

/** Packages with sessions used and left and the expiry date (staff account and portal alike). */
export function PackageList({ packages }: { packages: ClientPackageDto[] }) {
  const f = useClinicFormat();
  return (
    <ul className="divide-y divide-line" aria-label="Packages">
      {packages.map((p) => (
        <li key={p.id} className="py-2" data-testid="client-package">
          <span className="flex flex-wrap items-center justify-between gap-2">
            <span className="font-medium text-ink">{p.name}</span>
            {p.expired ? (
              <Badge>Expired</Badge>
            ) : p.sessionsLeft === 0 ? (
              <Badge>All used</Badge>
            ) : (
              <Badge tone="success">{p.sessionsLeft} left</Badge>
            )}
          </span>
          <span className="block text-sm text-muted tabular-nums">
            {p.sessionsUsed} of {p.sessionsTotal} used · {p.expired ? "expired" : "expires"}{" "}
            {f.day(p.expiresOn, "date")}
          </span>
        </li>
      ))}
    </ul>
  );
}
