"use client";
import { useEffect, useState } from "react";
import { Notice } from "@/app/_components/ui/feedback";
import type { HoldDto } from "@/lib/scheduling/public-booking/schemas";

function remaining(expiresAt: string, now: number): string {
  const s = Math.max(0, Math.round((new Date(expiresAt).getTime() - now) / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The held time's countdown. Read out once (not every second): the timer itself is aria-hidden. */
export function HeldNotice({ held, requiresApproval }: { held: HoldDto; requiresApproval: boolean }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, []);
  const left = remaining(held.expiresAt, now);
  const expired = left === "0:00";
  return (
    <div className="space-y-3">
      <Notice tone={expired ? "warning" : "success"} testId="hold-notice">
        {expired ? "The time was released because it was not confirmed. You can book again." : held.message}
      </Notice>
      {expired ? null : (
        <p className="text-base text-ink">
          Time left to confirm:{" "}
          <span className="font-semibold tabular-nums" aria-hidden="true" data-testid="hold-countdown">
            {left}
          </span>
        </p>
      )}
      <p className="text-sm text-muted">
        {requiresApproval
          ? "After you confirm, the clinic will check the request and email you when it is accepted."
          : "Once you confirm, you are booked and we email you the details."}{" "}
        No email? Check your spam folder, or call the clinic.
      </p>
    </div>
  );
}
