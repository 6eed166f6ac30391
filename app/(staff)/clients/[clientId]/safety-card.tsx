"use client";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { call, ops, type BodyOf } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";

export interface PrecautionOption {
  id: string;
  label: string;
  kind: string;
}

const KIND_TEXT: Record<string, string> = {
  absolute: "no self-release",
  local: "not over the area",
  relative: "modify or clear first",
};

export const safetyKey = (clientId: string) => ["clients", clientId, "safety"] as const;

/** The SMR precautions screen and the client's tools; saved as a whole so nothing is half-written. */

type PrecautionId = BodyOf<typeof ops.setClientPrecautions>["items"][number]["id"];
type Tools = BodyOf<typeof ops.setClientTools>["tools"];

export function SafetyCard({
  clientId,
  options,
  canWrite,
}: {
  clientId: string;
  options: PrecautionOption[];
  canWrite: boolean;
}) {
  const qc = useQueryClient();
  const safety = useQuery({
    queryKey: safetyKey(clientId),
    queryFn: ({ signal }) => call(ops.getClientSafety, { params: { clientId }, signal }),
  });
  const [editing, setEditing] = useState(false);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [tools, setTools] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: async () => {
      await call(ops.setClientPrecautions, {
        params: { clientId },
        // The ids and tools come from the schema's own option lists below.
        body: { items: Object.entries(chosen).map(([id, note]) => ({ id: id as PrecautionId, note })) },
      });
      return call(ops.setClientTools, { params: { clientId }, body: { tools: tools as Tools } });
    },
    onSuccess: (data) => {
      qc.setQueryData(safetyKey(clientId), data);
      setEditing(false);
    },
  });
  const start = () => {
    setChosen(Object.fromEntries((safety.data?.precautions ?? []).map((p) => [p.id, p.note])));
    setTools(safety.data?.tools ?? []);
    setEditing(true);
  };
  const data = safety.data;
  return (
    <Card
      title="Self-care safety"
      actions={
        canWrite && data && !editing ? (
          <Button variant="secondary" onClick={start}>
            Update screen
          </Button>
        ) : null
      }
    >
      {safety.isPending ? <p className="text-sm text-muted">Loading…</p> : null}
      {safety.isError ? (
        <Notice tone="danger">
          The precautions did not load.{" "}
          <button type="button" className="underline" onClick={() => safety.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {data && !editing ? (
        <div className="space-y-3 text-sm">
          {data.precautions.length === 0 ? (
            <p className="text-muted">No precautions recorded. Screen before prescribing self-release.</p>
          ) : (
            <ul className="space-y-1" aria-label="Precautions">
              {data.precautions.map((p) => (
                <li key={p.id}>
                  <span className={p.kind === "absolute" ? "font-semibold text-danger" : "font-semibold text-warn"}>
                    ⚠ {p.label}
                  </span>
                  {p.note ? <span className="text-muted"> — {p.note}</span> : null}
                </li>
              ))}
            </ul>
          )}
          <p>
            <span className="text-muted">Tools owned: </span>
            {data.tools.length ? data.tools.map((t) => TOOL_LABEL[t] ?? t).join(", ") : "none recorded"}
          </p>
        </div>
      ) : null}
      {editing ? (
        <form
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate();
          }}
          aria-label="Precautions screen"
        >
          {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Does any of these apply?</legend>
            {options.map((o) => (
              <div key={o.id} className="py-1">
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-5 accent-accent-700"
                    checked={o.id in chosen}
                    onChange={(e) =>
                      setChosen((c) => {
                        const n = { ...c };
                        if (e.target.checked) n[o.id] = "";
                        else delete n[o.id];
                        return n;
                      })
                    }
                  />
                  <span>
                    {o.label} <span className="text-muted">({KIND_TEXT[o.kind] ?? o.kind})</span>
                  </span>
                </label>
                {o.id in chosen ? (
                  <input
                    aria-label={`Note for ${o.label}`}
                    value={chosen[o.id]}
                    onChange={(e) => setChosen((c) => ({ ...c, [o.id]: e.target.value }))}
                    placeholder="Details (medication, where, cleared by…)"
                    className="ml-7 block min-h-11 w-[calc(100%-1.75rem)] rounded-md border border-stone-300 px-3 text-sm"
                  />
                ) : null}
              </div>
            ))}
          </fieldset>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Tools the client owns</legend>
            <div className="grid grid-cols-2 gap-x-4">
              {Object.entries(TOOL_LABEL).map(([id, label]) => (
                <label key={id} className="flex min-h-11 items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="size-5 accent-accent-700"
                    checked={tools.includes(id)}
                    onChange={(e) => setTools((t) => (e.target.checked ? [...t, id] : t.filter((x) => x !== id)))}
                  />
                  {label}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-2">
            <Button type="submit" busy={save.isPending}>
              Save screen
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}
    </Card>
  );
}
