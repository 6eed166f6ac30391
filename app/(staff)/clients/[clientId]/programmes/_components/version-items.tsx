import type { ProgrammeVersionDto } from "@/lib/programmes/schemas";
import { describeDosage } from "@/lib/programmes/dosage-words";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";

/** The items of one version as prescribed (from their snapshots, so later library edits never change them). */
export function VersionItems({
  version,
  showInstructions = false,
}: {
  version: ProgrammeVersionDto;
  showInstructions?: boolean;
}) {
  return (
    <ol className="space-y-3">
      {version.items.map((i, n) => (
        <li key={i.id} className="programme-item rounded-md border border-line p-3 text-sm print:border-stone-400">
          <h4 className="font-semibold text-ink">
            {n + 1}. {i.snapshot.name}{" "}
            <span className="font-normal text-muted">· {TOOL_LABEL[i.snapshot.tool] ?? i.snapshot.tool}</span>
          </h4>
          <p className="mt-1">{describeDosage(i.dosage)}</p>
          {i.note ? (
            <p className="mt-1">
              <span className="font-medium">Note: </span>
              {i.note}
            </p>
          ) : null}
          {showInstructions ? (
            <>
              <p className="mt-2 whitespace-pre-line">{i.snapshot.instructions}</p>
              {i.snapshot.cautions.length ? (
                <ul className="mt-2 list-disc pl-5">
                  {i.snapshot.cautions.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              ) : null}
              <div className="mt-2 rounded border border-red-200 bg-red-50 px-3 py-2 print:bg-white">
                <p className="font-semibold text-danger">Stop and tell your therapist if:</p>
                <ul className="list-disc pl-5">
                  {i.snapshot.stopRules.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              </div>
            </>
          ) : (
            <>
              {i.flags.length ? (
                <p className="mt-1 text-warn">
                  <span aria-hidden>⚠ </span>
                  {i.flags.map((f) => f.message).join(" ")}
                </p>
              ) : null}
              {i.overrideReason ? (
                <p className="mt-1 text-warn">Above the safe range by choice: {i.overrideReason}</p>
              ) : null}
              {i.triggerPointLabel ? <p className="mt-1 text-xs text-muted">For {i.triggerPointLabel}</p> : null}
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
