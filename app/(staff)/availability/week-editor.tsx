"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { AvailabilityDto } from "@/lib/scheduling/availability/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { TimeField } from "@/app/_components/ui/date-time-field";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
type Block = { weekday: number; start: string; end: string };

/** Several blocks a day (split shifts); saved as a whole with the version it started from. */
export function WeekEditor({
  therapistId,
  data,
  onSaved,
}: {
  therapistId: string;
  data: AvailabilityDto;
  onSaved: (d: AvailabilityDto) => void;
}) {
  const [blocks, setBlocks] = useState<Block[]>(data.blocks);
  const save = useMutation({
    mutationFn: () => call(ops.setWeeklyHours, { params: { therapistId }, body: { blocks, version: data.version } }),
    onSuccess: onSaved,
  });
  const update = (i: number, patch: Partial<Block>) =>
    setBlocks(blocks.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const problem =
    save.error instanceof ApiError
      ? (Object.values(save.error.fieldErrors).flat()[0] ?? save.error.message)
      : save.error?.message;
  return (
    <Card title={`Weekly hours · ${data.therapistName}`}>
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        aria-label="Weekly hours"
      >
        {save.isSuccess ? <Notice tone="success">Hours saved.</Notice> : null}
        {problem ? <Notice tone="danger">{problem}</Notice> : null}
        {DAYS.map((day, d) => {
          const rows = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.weekday === d + 1);
          return (
            <fieldset key={day} className="space-y-2">
              <legend className="text-sm font-medium">{day}</legend>
              {rows.length === 0 ? <p className="text-sm text-muted">Not working</p> : null}
              {rows.map(({ b, i }, n) => (
                <div key={i} className="flex flex-wrap items-center gap-2">
                  <TimeField
                    label={`${day} block ${n + 1} starts`}
                    labelHidden
                    value={b.start}
                    onChange={(t) => update(i, { start: t })}
                    className="w-36"
                  />
                  <span aria-hidden>–</span>
                  <TimeField
                    label={`${day} block ${n + 1} ends`}
                    labelHidden
                    value={b.end}
                    onChange={(t) => update(i, { end: t })}
                    className="w-36"
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    onClick={() => setBlocks(blocks.filter((_, j) => j !== i))}
                    aria-label={`Remove ${day} block ${n + 1}`}
                  >
                    Remove
                  </Button>
                </div>
              ))}
              <Button
                type="button"
                variant="ghost"
                onClick={() =>
                  setBlocks([
                    ...blocks,
                    { weekday: d + 1, start: rows.length ? "13:00" : "09:00", end: rows.length ? "17:00" : "12:00" },
                  ])
                }
              >
                Add {day} hours
              </Button>
            </fieldset>
          );
        })}
        <Button type="submit" busy={save.isPending}>
          Save weekly hours
        </Button>
      </form>
    </Card>
  );
}
