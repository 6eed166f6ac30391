"use client";
import { useState } from "react";
import { Button } from "./button";

/** A one-time link shown once, with a copy button (clipboard needs a secure context; select-all is the fallback). */
export function CopyLink({ link, label }: { link: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
      <label className="sr-only" htmlFor="copy-link-input">
        {label}
      </label>
      <input
        id="copy-link-input"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        className="min-h-11 flex-1 rounded-md border border-stone-300 bg-stone-50 px-3 font-mono text-xs"
        data-testid="invitation-link"
      />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(link);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {copied ? "Copied" : "Copy link"}
      </Button>
    </div>
  );
}
