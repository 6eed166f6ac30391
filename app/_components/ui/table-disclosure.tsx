"use client";
import { useId, useState, type ReactNode } from "react";

/**
 * The data behind a chart, as a table: always in the page for screen readers and print,
 * shown on screen on request.
 */
export function TableDisclosure({
  showLabel,
  hideLabel,
  children,
}: {
  showLabel: string;
  hideLabel: string;
  children: ReactNode;
}) {
  const id = useId();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button
        type="button"
        className="no-print min-h-11 text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
        aria-expanded={open}
        aria-controls={`${id}-table`}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? hideLabel : showLabel}
      </button>
      <div
        id={`${id}-table`}
        className={open ? "mt-2 overflow-x-auto" : "sr-only print:not-sr-only print:mt-2"}
        // Shown, it may scroll sideways on a phone: keyboard users must be able to reach it.
        {...(open ? { role: "region", "aria-label": hideLabel.replace(/^Hide the /, ""), tabIndex: 0 } : {})}
      >
        {children}
      </div>
    </div>
  );
}
