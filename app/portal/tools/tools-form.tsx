"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { array, enum as oneOf, maxLength, object, refine } from "zod/mini";
import { zodResolver } from "@hookform/resolvers/zod";
import type { input } from "zod/mini";
import { useMutation } from "@tanstack/react-query";
import { applyFieldErrors, call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import type { ToolId } from "@/lib/programmes/tool-ids";
import { TOOL_IDS, TOOL_LABEL } from "@/lib/programmes/tool-labels";

/**
 * setToolsBody (lib/programmes/tool-ids.ts) written in zod/mini, with its messages: lighter than
 * classic zod on this phone page (issue #16). The server checks setToolsBody itself.
 */
const toolsForm = object({
  tools: array(oneOf(TOOL_IDS, "Choose from the listed tools.")).check(
    maxLength(TOOL_IDS.length),
    refine((t) => new Set(t).size === t.length, "Each tool once, please."),
  ),
});
type Values = input<typeof toolsForm>;

/** Big tick boxes (44 px+) for each tool; "hands" is always available, so it is not asked. */
export function ToolsForm({ initial }: { initial: ToolId[] }) {
  const form = useForm<Values>({ resolver: zodResolver(toolsForm), defaultValues: { tools: initial } });
  const save = useMutation({
    // "hands" has no box: kept as it was, since the ticked boxes make up the rest of the list.
    mutationFn: (v: Values) =>
      call(ops.setMyTools, { body: { tools: [...v.tools, ...initial.filter((t) => t === "hands")] } }),
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const fieldError = form.formState.errors.tools?.message;
  return (
    <form aria-label="My tools" className="space-y-4" onSubmit={form.handleSubmit((v) => save.mutate(v))}>
      <fieldset className="space-y-2">
        <legend className="sr-only">Tools I have</legend>
        {TOOL_IDS.filter((t) => t !== "hands").map((tool) => (
          <label
            key={tool}
            className="flex min-h-12 items-center gap-3 rounded-lg border border-line bg-white px-4 text-base"
          >
            <input
              type="checkbox"
              className="size-6 accent-accent-700"
              value={tool}
              {...form.register("tools", { onChange: () => save.reset() })}
            />
            {TOOL_LABEL[tool]}
          </label>
        ))}
      </fieldset>
      {save.isSuccess ? <Notice tone="success">Saved. Your therapist will see this.</Notice> : null}
      {fieldError ? <Notice tone="danger">{fieldError}</Notice> : null}
      {save.error && !fieldError ? <Notice tone="danger">{save.error.message}</Notice> : null}
      <Button type="submit" className="min-h-12 w-full text-base" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
