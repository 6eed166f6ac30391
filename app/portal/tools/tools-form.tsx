"use client";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { TOOL_IDS, type ToolId } from "@/lib/programmes/tool-ids";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";

/** Big tick boxes (44 px+) for each tool; "hands" is always available, so it is not asked. */
export function ToolsForm({ initial }: { initial: ToolId[] }) {
  const [tools, setTools] = useState<ToolId[]>(initial);
  const save = useMutation({
    mutationFn: () => call(ops.setMyTools, { body: { tools } }),
  });
  const toggle = (tool: ToolId, on: boolean) => {
    save.reset();
    setTools((now) => (on ? [...now, tool] : now.filter((t) => t !== tool)));
  };
  return (
    <form
      aria-label="My tools"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
    >
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
              checked={tools.includes(tool)}
              onChange={(e) => toggle(tool, e.target.checked)}
            />
            {TOOL_LABEL[tool]}
          </label>
        ))}
      </fieldset>
      {save.isSuccess ? <Notice tone="success">Saved. Your therapist will see this.</Notice> : null}
      {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
      <Button type="submit" className="min-h-12 w-full text-base" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
