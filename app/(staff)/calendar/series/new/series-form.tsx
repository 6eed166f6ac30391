"use client";
import "@/app/_lib/zod-browser";
import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { z } from "zod";
import { seriesPreviewBody, type SeriesPreviewInput } from "@/lib/scheduling/appointments/series-schemas";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { DateField, TimeField } from "@/app/_components/ui/date-time-field";
import { Notice } from "@/app/_components/ui/feedback";
import { ClientPicker } from "@/app/_components/scheduling/client-picker";

type Option = { id: string; name: string };

/** Where the body's fields are asked for on screen: the rule is typed as a date, a time and an end. */
export const FIELD_OF: Record<string, keyof SeriesFormValues> = {
  clientId: "client",
  "rule.start": "date",
  "rule.intervalWeeks": "interval",
  "rule.count": "count",
  "rule.until": "until",
  rule: "date",
};

const seriesFields = z.object({
  client: z.object({ id: z.string(), name: z.string() }).nullable(),
  typeId: z.string(),
  therapistUserId: z.string(),
  roomId: z.string(),
  date: z.string(),
  time: z.string(),
  interval: z.string(),
  ends: z.enum(["count", "until"]),
  count: z.string(),
  until: z.string(),
});
export type SeriesFormValues = z.infer<typeof seriesFields>;

/** Only the therapists who offer the chosen type (none listed = all of them). */
function offeringFor(types: AppointmentTypeDto[], therapists: Option[], typeId: string) {
  const type = types.find((t) => t.id === typeId);
  return therapists.filter((t) => !type || type.therapistIds.length === 0 || type.therapistIds.includes(t.id));
}

/** The therapist chosen, or the first who offers the type when the chosen one does not. */
function therapistFor(offering: Option[], chosen: string) {
  return offering.some((t) => t.id === chosen) ? chosen : (offering[0]?.id ?? "");
}

/**
 * The fields as typed, made into the preview body and checked by its own schema; each message
 * lands on the field that asked for that part of the body.
 */
export function seriesFormSchema(types: AppointmentTypeDto[], therapists: Option[]) {
  return seriesFields.transform((v, ctx): SeriesPreviewInput => {
    const type = types.find((t) => t.id === v.typeId);
    const checked = seriesPreviewBody.safeParse({
      clientId: v.client?.id ?? "",
      typeId: v.typeId,
      therapistUserId: therapistFor(offeringFor(types, therapists, v.typeId), v.therapistUserId),
      roomId: type?.needsRoom && v.roomId ? v.roomId : null,
      rule: {
        start: `${v.date}T${v.time}`,
        intervalWeeks: Number(v.interval),
        ...(v.ends === "count" ? { count: Number(v.count) } : { until: v.until }),
      },
    });
    if (checked.success) return checked.data;
    for (const issue of checked.error.issues) {
      const key = issue.path.join(".");
      ctx.addIssue({ code: "custom", message: issue.message, path: [FIELD_OF[key] ?? String(issue.path[0])] });
    }
    return z.NEVER;
  });
}

export function SeriesForm({
  form,
  types,
  therapists,
  rooms,
  busy,
  problem,
  onCheck,
}: {
  form: UseFormReturn<SeriesFormValues, unknown, SeriesPreviewInput>;
  types: AppointmentTypeDto[];
  therapists: Option[];
  rooms: Option[];
  busy: boolean;
  /** A refusal that names no field. */
  problem: string | null;
  onCheck: (body: SeriesPreviewInput) => void;
}) {
  const [typeId, ends] = useWatch({ control: form.control, name: ["typeId", "ends"] });
  const type = types.find((t) => t.id === typeId);
  const offering = offeringFor(types, therapists, typeId);
  const e = form.formState.errors;
  return (
    <form className="space-y-4" aria-label="Series details" noValidate onSubmit={form.handleSubmit(onCheck)}>
      <Controller
        control={form.control}
        name="client"
        render={({ field }) => <ClientPicker value={field.value} onChange={field.onChange} error={e.client?.message} />}
      />
      <SelectField label="Appointment type" {...form.register("typeId")} error={e.typeId?.message}>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name} ({t.durationMin} min)
          </option>
        ))}
      </SelectField>
      <Controller
        control={form.control}
        name="therapistUserId"
        render={({ field }) => (
          <SelectField
            label="Therapist"
            name={field.name}
            value={therapistFor(offering, field.value)}
            onChange={(ev) => field.onChange(ev.target.value)}
            onBlur={field.onBlur}
            error={e.therapistUserId?.message}
          >
            {offering.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        )}
      />
      {type?.needsRoom ? (
        <SelectField label="Room" {...form.register("roomId")} error={e.roomId?.message}>
          <option value="">Any free room</option>
          {rooms.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className="grid grid-cols-2 gap-3">
        <Controller
          control={form.control}
          name="date"
          render={({ field }) => (
            <DateField
              label="First date"
              required
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={e.date?.message}
            />
          )}
        />
        <Controller
          control={form.control}
          name="time"
          render={({ field }) => (
            <TimeField label="Time" required value={field.value} onChange={field.onChange} onBlur={field.onBlur} />
          )}
        />
      </div>
      <SelectField label="Repeat" {...form.register("interval")} error={e.interval?.message}>
        <option value="1">Every week</option>
        {[2, 3, 4, 6, 8].map((n) => (
          <option key={n} value={n}>
            Every {n} weeks
          </option>
        ))}
      </SelectField>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-ink">Ends</legend>
        <div className="flex flex-wrap gap-x-4">
          {(["count", "until"] as const).map((m) => (
            <label key={m} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
              <input type="radio" value={m} className="size-4 accent-accent-700" {...form.register("ends")} />
              {m === "count" ? "After a number of sessions" : "On a date"}
            </label>
          ))}
        </div>
      </fieldset>
      {ends === "count" ? (
        <Field
          label="Number of sessions"
          type="number"
          min={1}
          max={52}
          {...form.register("count")}
          error={e.count?.message}
        />
      ) : (
        <Controller
          control={form.control}
          name="until"
          render={({ field }) => (
            <DateField
              label="Last date"
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              error={e.until?.message}
              hint="Up to 52 sessions."
            />
          )}
        />
      )}
      {problem ? <Notice tone="danger">{problem}</Notice> : null}
      <Button type="submit" busy={busy} className="w-full">
        Check all dates
      </Button>
    </form>
  );
}
