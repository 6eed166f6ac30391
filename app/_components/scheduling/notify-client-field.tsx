"use client";
import { useId, type ComponentProps } from "react";

/**
 * "Tell the client": on by default, because a client who is not told turns up at the old time. Off for changes
 * already agreed on the phone, or a correction the client need not hear about.
 */
export function NotifyClientField({ label, ...input }: { label: string } & ComponentProps<"input">) {
  const hint = useId();
  return (
    <div>
      <label className="flex min-h-11 items-center gap-2 text-sm text-ink">
        <input type="checkbox" className="size-5 accent-accent-700" aria-describedby={hint} {...input} />
        {label}
      </label>
      <p id={hint} className="ml-7 text-sm text-muted">
        By email (with the calendar file) or text, as the client chose. A client with neither gets nothing.
      </p>
    </div>
  );
}
