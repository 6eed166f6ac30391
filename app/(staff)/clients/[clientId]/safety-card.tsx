"use client";
import "@/app/_lib/zod-browser";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { call, ops } from "@/app/_lib/api-client";
import { setPrecautionsBody, setToolsBody } from "@/lib/programmes/safety/schemas";
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

// One form, two requests: the screen's precautions and the tools, each checked by its own schema.
const screenForm = setPrecautionsBody.extend(setToolsBody.shape);
type ScreenValues = z.input<typeof screenForm>;
type PrecautionId = ScreenValues["items"][number]["id"];
type Tool = ScreenValues["tools"][number];

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
  const form = useForm<ScreenValues>({ resolver: zodResolver(screenForm), defaultValues: { items: [], tools: [] } });
  const save = useMutation({
    mutationFn: async ({ items, tools }: ScreenValues) => {
      await call(ops.setClientPrecautions, { params: { clientId }, body: { items } });
      return call(ops.setClientTools, { params: { clientId }, body: { tools } });
    },
    onSuccess: (data) => {
      qc.setQueryData(safetyKey(clientId), data);
      setEditing(false);
    },
  });
  const start = () => {
    form.reset({
      items: (safety.data?.precautions ?? []).map((p) => ({ id: p.id as PrecautionId, note: p.note })),
      tools: (safety.data?.tools ?? []) as Tool[],
    });
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
          noValidate
          onSubmit={form.handleSubmit((v) => save.mutate(v))}
          aria-label="Precautions screen"
        >
          {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
          {form.formState.errors.items?.message || form.formState.errors.tools?.message ? (
            <Notice tone="danger">
              {form.formState.errors.items?.message ?? form.formState.errors.tools?.message}
            </Notice>
          ) : null}
          <Controller
            control={form.control}
            name="items"
            render={({ field: { value: chosen, onChange } }) => (
              <fieldset>
                <legend className="mb-1 text-sm font-medium">Does any of these apply?</legend>
                {options.map((o) => {
                  const item = chosen.find((c) => c.id === o.id);
                  return (
                    <div key={o.id} className="py-1">
                      <label className="flex min-h-11 items-center gap-2 text-sm">
                        <input
                          type="checkbox"
                          className="size-5 accent-accent-700"
                          checked={item !== undefined}
                          onChange={(e) =>
                            onChange(
                              e.target.checked
                                ? [...chosen, { id: o.id as PrecautionId, note: "" }]
                                : chosen.filter((c) => c.id !== o.id),
                            )
                          }
                        />
                        <span>
                          {o.label} <span className="text-muted">({KIND_TEXT[o.kind] ?? o.kind})</span>
                        </span>
                      </label>
                      {item ? (
                        <input
                          aria-label={`Note for ${o.label}`}
                          value={item.note ?? ""}
                          onChange={(e) =>
                            onChange(chosen.map((c) => (c.id === o.id ? { ...c, note: e.target.value } : c)))
                          }
                          placeholder="Details (medication, where, cleared by…)"
                          className="ml-7 block min-h-11 w-[calc(100%-1.75rem)] rounded-md border border-stone-300 px-3 text-sm"
                        />
                      ) : null}
                    </div>
                  );
                })}
              </fieldset>
            )}
          />
          <Controller
            control={form.control}
            name="tools"
            render={({ field: { value: tools, onChange } }) => (
              <fieldset>
                <legend className="mb-1 text-sm font-medium">Tools the client owns</legend>
                <div className="grid grid-cols-2 gap-x-4">
                  {(Object.entries(TOOL_LABEL) as [Tool, string][]).map(([id, label]) => (
                    <label key={id} className="flex min-h-11 items-center gap-2 text-sm">
                      <input
                        type="checkbox"
                        className="size-5 accent-accent-700"
                        checked={tools.includes(id)}
                        onChange={(e) => onChange(e.target.checked ? [...tools, id] : tools.filter((x) => x !== id))}
                      />
                      {label}
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          />
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
