"use client";
import { useEffect, useRef } from "react";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

/** The recovery codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodesList({
  codes,
  onDone,
  doneLabel,
}: {
  codes: string[];
  onDone: () => void;
  doneLabel: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Attention moves to the codes: they are what the person must act on now.
  useEffect(() => heading.current?.focus(), []);
  const text = codes.join("\n");
  return (
    <div className="space-y-4">
      <h3 ref={heading} tabIndex={-1} className="text-base font-semibold text-ink focus:outline-none">
        Save your recovery codes
      </h3>
      <Notice tone="warning">
        Each code signs you in once if you lose your phone. This is the only time they are shown: print them, or keep
        them in a password manager.
      </Notice>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-1 gap-1 rounded-md border border-line bg-stone-50 p-4 font-mono text-base tabular-nums sm:grid-cols-2"
      >
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" type="button" onClick={() => void navigator.clipboard?.writeText(text)}>
          Copy codes
        </Button>
        <a
          className="inline-flex min-h-11 items-center rounded-md border border-line bg-white px-4 text-sm font-medium text-ink hover:bg-stone-100"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(`Knotwork recovery codes\n\n${text}\n`)}`}
          download="knotwork-recovery-codes.txt"
        >
          Download
        </a>
        <Button type="button" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
