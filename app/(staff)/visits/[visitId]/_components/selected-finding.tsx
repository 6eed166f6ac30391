"use client";
import type { ComponentProps, RefObject } from "react";
import { labelWithSide } from "@/lib/clinical/rules/point-label";
import { FindingEditor } from "./finding-editor";
import { sideLabel } from "./finding-text";

/**
 * The selected finding's editor, beside the chart where the point was just placed. Its heading takes
 * focus when a finding is chosen from the list (use-editor-focus.ts), so the editor is announced.
 */
export function SelectedFinding({
  headingRef,
  editable,
  ...editor
}: ComponentProps<typeof FindingEditor> & { headingRef: RefObject<HTMLHeadingElement | null> }) {
  const f = editor.finding;
  return (
    <section
      aria-labelledby="finding-editor-heading"
      className="scroll-mt-4 rounded-lg border border-line bg-white p-5 shadow-sm"
      data-testid="finding-editor"
    >
      <h2
        id="finding-editor-heading"
        ref={headingRef}
        tabIndex={-1}
        className="mb-4 scroll-mt-4 text-base font-semibold text-ink outline-none focus-visible:ring-2 focus-visible:ring-accent-600"
      >
        Finding {labelWithSide(f.label, f.side)} · {sideLabel(f.side)} {f.muscleName.toLowerCase()}
      </h2>
      {/* A finding still being created has no id to save against yet. */}
      <FindingEditor key={`${f.id}-${f.version}`} {...editor} editable={editable && !f.id.startsWith("pending-")} />
    </section>
  );
}
