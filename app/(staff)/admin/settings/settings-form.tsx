"use client";
import "@/app/_lib/zod-browser";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm, useWatch } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { clinicSettingsBody, type ClinicSettings } from "@/lib/scheduling/setup/schemas";
import { weeklyHours } from "@/lib/scheduling/rules/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { TimeField } from "@/app/_components/ui/date-time-field";
import { PRESSURE_UNITS } from "@/lib/clinical/rules/ppt";
import { PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Notice } from "@/app/_components/ui/feedback";
import { CLINIC_LOCALE_LABEL, CLINIC_LOCALES } from "@/lib/format/clinic-locales";
import { clinicFormat } from "@/lib/format/clinic-format";
import { useRouter } from "next/navigation";
import { minutesToWallTime } from "@/lib/delivery/rules/quiet-hours";

const wallTimeToMinutes = (v: string) =>
  /^\d{2}:\d{2}$/.test(v) ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3)) : null;

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

type Day = { open: boolean; start: string; end: string };
const toBlocks = (hours: Day[]) =>
  hours.flatMap((h, i) => (h.open ? [{ weekday: i + 1, start: h.start, end: h.end }] : []));

// A row per weekday keeps a closed day's times for when it is reopened; the blocks the server
// gets are checked with its own rules, and their message shown above the rows.
const formSchema = clinicSettingsBody
  .omit({ openingHours: true })
  .extend({ hours: z.array(z.object({ open: z.boolean(), start: z.string(), end: z.string() })) })
  .superRefine((v, ctx) => {
    const blocks = weeklyHours.safeParse(toBlocks(v.hours));
    if (!blocks.success) ctx.addIssue({ code: "custom", path: ["hours"], message: blocks.error.issues[0]!.message });
  });
type FormValues = z.input<typeof formSchema>;

const toValues = ({ id: _id, openingHours, ...s }: ClinicSettings): FormValues => ({
  ...s,
  hours: DAYS.map((_, i) => {
    const b = openingHours.find((h) => h.weekday === i + 1);
    return { open: Boolean(b), start: b?.start ?? "09:00", end: b?.end ?? "17:00" };
  }),
});

/** One opening block per weekday here; therapists' own hours allow several blocks a day. */
export function SettingsForm({ initial, timeZones }: { initial: ClinicSettings; timeZones: string[] }) {
  const router = useRouter();
  const form = useForm<FormValues, unknown, z.output<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: toValues(initial),
  });
  const [timezone, locale, hours] = useWatch({ control: form.control, name: ["timezone", "locale", "hours"] });
  const zoneKnown = timeZones.includes(timezone);
  // A sample in the chosen zone and locale, so the admin sees what staff and clients will read.
  const sample = zoneKnown ? clinicFormat({ locale: locale ?? initial.locale, timeZone: timezone }) : null;
  const save = useMutation({
    mutationFn: ({ hours, ...settings }: z.output<typeof formSchema>) =>
      call(ops.updateClinicSettings, { body: { ...settings, openingHours: toBlocks(hours) } }),
    onSuccess: (saved) => {
      form.reset(toValues(saved));
      // Layouts hold the clinic's locale and zone: re-render them with the saved ones.
      router.refresh();
    },
    // The server names the blocks "openingHours"; here they are the rows under "hours".
    onError: (err) =>
      applyFieldErrors(err, (name: string, e) => form.setError((name === "openingHours" ? "hours" : name) as never, e)),
  });
  const e = form.formState.errors;
  const number = { valueAsNumber: true } as const;
  return (
    <Card title="Clinic">
      <form
        className="space-y-4"
        noValidate
        onSubmit={form.handleSubmit((v) => save.mutate(v))}
        aria-label="Clinic settings"
      >
        {save.isSuccess ? <Notice tone="success">Settings saved.</Notice> : null}
        {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
        <Field label="Clinic name" {...form.register("name")} error={e.name?.message} />
        <Field
          label="Time zone"
          list="clinic-time-zones"
          autoComplete="off"
          spellCheck={false}
          {...form.register("timezone", { setValueAs: (v: string) => v.trim() })}
          hint={
            sample
              ? `Type to search (a city or region, e.g. London, New_York). Now ${sample.at(new Date(), "weekdayTime")} there.`
              : "Type to search and choose from the list (a city or region, e.g. London, New_York)."
          }
          error={e.timezone?.message ?? (timezone && !zoneKnown ? "Choose a time zone from the list." : undefined)}
        />
        <datalist id="clinic-time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SelectField
          label="Dates and times written as"
          {...form.register("locale")}
          error={e.locale?.message}
          hint={
            sample
              ? `For example ${sample.at(new Date(), "dateTime")}. Used across Knotwork, the portal and emails.`
              : "Used across Knotwork, the portal and emails."
          }
        >
          {CLINIC_LOCALES.map((l) => (
            <option key={l} value={l}>
              {CLINIC_LOCALE_LABEL[l]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Cancellation notice (hours)"
          type="number"
          min={0}
          {...form.register("cancellationNoticeHours", number)}
          error={e.cancellationNoticeHours?.message}
        />
        <Field
          label="Email reminder before each appointment (hours; 0 = none)"
          type="number"
          min={0}
          max={168}
          {...form.register("reminderHoursBefore", number)}
          error={e.reminderHoursBefore?.message}
        />
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium text-ink">Quiet hours for text messages (clinic time)</legend>
          {(["smsQuietStartMinute", "smsQuietEndMinute"] as const).map((name) => (
            <Controller
              key={name}
              control={form.control}
              name={name}
              render={({ field }) => (
                <TimeField
                  label={name === "smsQuietStartMinute" ? "Texts wait from" : "Until"}
                  value={field.value == null ? "" : minutesToWallTime(field.value)}
                  onChange={(v) => field.onChange(wallTimeToMinutes(v))}
                  onBlur={field.onBlur}
                  error={e[name]?.message}
                  hint={
                    name === "smsQuietEndMinute"
                      ? "A text due in between is sent when they end; email is never held. Clear both for none."
                      : undefined
                  }
                />
              )}
            />
          ))}
        </fieldset>
        <Field
          label="Flag home-programme adherence below (%)"
          type="number"
          min={0}
          max={100}
          {...form.register("adherenceThresholdPct", number)}
          error={e.adherenceThresholdPct?.message}
          hint="Clients below this share of prescribed sessions last week appear on the therapist's dashboard."
        />
        <SelectField
          label="Algometer unit"
          {...form.register("algometerUnit")}
          error={e.algometerUnit?.message}
          hint="What the finding editor starts on. Once a therapist saves readings in another unit, theirs is remembered."
        >
          {PRESSURE_UNITS.map((u) => (
            <option key={u} value={u}>
              {PRESSURE_UNIT_LABEL[u]}
            </option>
          ))}
        </SelectField>
        <Field
          label="Sign staff out after inactivity (minutes)"
          type="number"
          min={5}
          max={720}
          {...form.register("staffIdleTimeoutMinutes", number)}
          error={e.staffIdleTimeoutMinutes?.message}
          hint="Therapists and admins are signed out after this long without activity (5–720). Every sign-in also ends after 12 hours."
        />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" className="size-5 accent-accent-700" {...form.register("onlineBooking")} />
          Clients may book online
        </label>
        <div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5 accent-accent-700"
              aria-describedby="require-2fa-hint"
              {...form.register("requireTwoFactor")}
            />
            Require two-factor sign-in for all staff
          </label>
          <p id="require-2fa-hint" className="ml-7 text-sm text-stone-600">
            Staff without an authenticator app set up are taken to set-up after signing in and can do nothing else until
            it is done. Clients are offered it but never required.
          </p>
          {e.requireTwoFactor ? <p className="ml-7 text-sm text-danger">{e.requireTwoFactor.message}</p> : null}
        </div>
        <fieldset>
          <legend className="mb-1 text-sm font-medium">Wording for home self-release</legend>
          {(
            [
              ["self_care", "“Self-care recommendations” (massage therapy)"],
              ["home_exercise", "“Home exercise programme” (physiotherapy)"],
            ] as const
          ).map(([v, label]) => (
            <label key={v} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" value={v} className="size-5 accent-accent-700" {...form.register("scopeWording")} />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium">Opening hours ({timezone})</legend>
          {e.hours?.message ? <p className="text-sm text-danger">{e.hours.message}</p> : null}
          {DAYS.map((day, i) => (
            <div key={day} className="grid grid-cols-[8rem_1fr_1fr] items-center gap-2">
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" className="size-5 accent-accent-700" {...form.register(`hours.${i}.open`)} />
                {day}
              </label>
              {(["start", "end"] as const).map((edge) => (
                <Controller
                  key={edge}
                  control={form.control}
                  name={`hours.${i}.${edge}`}
                  render={({ field }) => (
                    <TimeField
                      label={`${day} ${edge === "start" ? "opens" : "closes"}`}
                      labelHidden
                      disabled={!hours[i]!.open}
                      value={field.value}
                      className="w-36"
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                    />
                  )}
                />
              ))}
            </div>
          ))}
        </fieldset>
        <Button type="submit" busy={save.isPending} disabled={!zoneKnown}>
          Save settings
        </Button>
      </form>
    </Card>
  );
}
