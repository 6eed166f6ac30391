"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { Controller, useFieldArray, useForm, type FieldErrors } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { setHoursBody, type AvailabilityDto } from "@/lib/scheduling/availability/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { TimeField } from "@/app/_components/ui/date-time-field";

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const formSchema = setHoursBody.pick({ blocks: true });
type FormValues = z.input<typeof formSchema>;

/** The first message anywhere in the (nested) errors: the week shows one problem at a time, above the days. */
function firstMessage(errors: FieldErrors | undefined): string | undefined {
  for (const [key, e] of Object.entries(errors ?? {})) {
    // An error's `ref` is the element it belongs to: nothing to read there.
    if (key === "ref" || !e || typeof e !== "object") continue;
    const found = typeof e.message === "string" && e.message ? e.message : firstMessage(e as FieldErrors);
    if (found) return found;
  }
  return undefined;
}

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
  const form = useForm<FormValues>({ resolver: zodResolver(formSchema), defaultValues: { blocks: data.blocks } });
  const blocks = useFieldArray({ control: form.control, name: "blocks" });
  const save = useMutation({
    mutationFn: (v: FormValues) =>
      call(ops.setWeeklyHours, { params: { therapistId }, body: { blocks: v.blocks, version: data.version } }),
    onSuccess: onSaved,
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const problem = firstMessage(form.formState.errors) ?? save.error?.message;
  return (
    <Card title={`Weekly hours · ${data.therapistName}`}>
      <form
        className="space-y-4"
        noValidate
        onSubmit={form.handleSubmit((v) => save.mutate(v))}
        aria-label="Weekly hours"
      >
        {save.isSuccess ? <Notice tone="success">Hours saved.</Notice> : null}
        {problem ? <Notice tone="danger">{problem}</Notice> : null}
        {DAYS.map((day, d) => {
          const rows = blocks.fields.map((b, i) => ({ b, i })).filter(({ b }) => b.weekday === d + 1);
          return (
            <fieldset key={day} className="space-y-2">
              <legend className="text-sm font-medium">{day}</legend>
              {rows.length === 0 ? <p className="text-sm text-muted">Not working</p> : null}
              {rows.map(({ b, i }, n) => (
                <div key={b.id} className="flex flex-wrap items-center gap-2">
                  {(["start", "end"] as const).map((edge) => (
                    <Controller
                      key={edge}
                      control={form.control}
                      name={`blocks.${i}.${edge}`}
                      render={({ field }) => (
                        <>
                          {edge === "end" ? <span aria-hidden>–</span> : null}
                          <TimeField
                            label={`${day} block ${n + 1} ${edge === "start" ? "starts" : "ends"}`}
                            labelHidden
                            value={field.value}
                            onChange={field.onChange}
                            onBlur={field.onBlur}
                            className="w-36"
                          />
                        </>
                      )}
                    />
                  ))}
                  <Button
                    type="button"
                    variant="ghost"
                    onClick={() => blocks.remove(i)}
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
                  blocks.append(
                    { weekday: d + 1, start: rows.length ? "13:00" : "09:00", end: rows.length ? "17:00" : "12:00" },
                    { shouldFocus: false },
                  )
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
