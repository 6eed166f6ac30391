import type { usePortalFormat } from "@/app/_lib/queries/booking";

/** What, when, with whom and where: the card a client checks before booking or moving. */
export function Summary({
  typeName,
  therapistName,
  start,
  end,
  f,
  clinic,
  room,
}: {
  typeName: string;
  therapistName: string;
  start: string;
  end: string;
  f: ReturnType<typeof usePortalFormat>;
  clinic: string;
  room?: string | null;
}) {
  return (
    <dl
      className="grid grid-cols-3 gap-y-2 rounded-lg border border-line bg-white p-4 text-base"
      aria-label="Appointment details"
    >
      <dt className="text-muted">What</dt>
      <dd className="col-span-2 font-medium">{typeName}</dd>
      <dt className="text-muted">When</dt>
      <dd className="col-span-2 font-medium">
        {f.day(start)}, {f.time(start)}–{f.time(end)}
      </dd>
      <dt className="text-muted">With</dt>
      <dd className="col-span-2 font-medium">{therapistName}</dd>
      <dt className="text-muted">Where</dt>
      <dd className="col-span-2 font-medium">{room ? `${clinic}, ${room}` : clinic}</dd>
    </dl>
  );
}
