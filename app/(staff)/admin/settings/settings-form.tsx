"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ClinicSettings } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { TimeField } from "@/app/_components/ui/date-time-field";
import { PRESSURE_UNITS } from "@/lib/clinical/rules/ppt";
import { PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Notice } from "@/app/_components/ui/feedback";
import { CLINIC_LOCALE_LABEL, CLINIC_LOCALES, type ClinicLocale } from "@/lib/format/clinic-locales";
import { clinicFormat } from "@/lib/format/clinic-format";
import { useRouter } from "next/navigation";
import { minutesToWallTime } from "@/lib/messaging/rules/quiet-hours";

const wallTimeToMinutes = (v: string) =>
  /^\d{2}:\d{2}$/.test(v) ? Number(v.slice(0, 2)) * 60 + Number(v.slice(3)) : null;

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** One opening block per weekday here; therapists' own hours allow several blocks a day. */
export function SettingsForm({ initial, timeZones }: { initial: ClinicSettings; timeZones: string[] }) {
  const router = useRouter();
  const [s, setS] = useState(initial);
  const zoneKnown = timeZones.includes(s.timezone);
  // A sample in the chosen zone and locale, so the admin sees what staff and clients will read.
  const sample = zoneKnown ? clinicFormat({ locale: s.locale, timeZone: s.timezone }) : null;
  const [hours, setHours] = useState(() =>
    DAYS.map((_, i) => {
      const b = initial.openingHours.find((h) => h.weekday === i + 1);
      return { open: Boolean(b), start: b?.start ?? "09:00", end: b?.end ?? "17:00" };
    }),
  );
  const save = useMutation({
    mutationFn: () => {
      const { id: _id, ...settings } = s;
      return call(ops.updateClinicSettings, {
        body: {
          ...settings,
          openingHours: hours.flatMap((h, i) => (h.open ? [{ weekday: i + 1, start: h.start, end: h.end }] : [])),
        },
      });
    },
    onSuccess: (saved) => {
      setS(saved);
      // Layouts hold the clinic's locale and zone: re-render them with the saved ones.
      router.refresh();
    },
  });
  const fieldError = (k: string) => (save.error instanceof ApiError ? save.error.fieldErrors[k]?.[0] : undefined);
  return (
    <Card title="Clinic">
      <form
        className="space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
        aria-label="Clinic settings"
      >
        {save.isSuccess ? <Notice tone="success">Settings saved.</Notice> : null}
        {save.error ? <Notice tone="danger">{save.error.message}</Notice> : null}
        <Field
          label="Clinic name"
          value={s.name}
          onChange={(e) => setS({ ...s, name: e.target.value })}
          error={fieldError("name")}
        />
        <Field
          label="Time zone"
          value={s.timezone}
          list="clinic-time-zones"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setS({ ...s, timezone: e.target.value.trim() })}
          hint={
            sample
              ? `Type to search (a city or region, e.g. London, New_York). Now ${sample.at(new Date(), "weekdayTime")} there.`
              : "Type to search and choose from the list (a city or region, e.g. London, New_York)."
          }
          error={fieldError("timezone") ?? (s.timezone && !zoneKnown ? "Choose a time zone from the list." : undefined)}
        />
        <datalist id="clinic-time-zones">
          {timeZones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <SelectField
          label="Dates and times written as"
          value={s.locale}
          onChange={(e) => setS({ ...s, locale: e.target.value as ClinicLocale })}
          error={fieldError("locale")}
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
          value={s.cancellationNoticeHours}
          onChange={(e) => setS({ ...s, cancellationNoticeHours: Number(e.target.value) })}
          error={fieldError("cancellationNoticeHours")}
        />
        <Field
          label="Email reminder before each appointment (hours; 0 = none)"
          type="number"
          min={0}
          max={168}
          value={s.reminderHoursBefore}
          onChange={(e) => setS({ ...s, reminderHoursBefore: Number(e.target.value) })}
          error={fieldError("reminderHoursBefore")}
        />
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-1 text-sm font-medium text-ink">Quiet hours for text messages (clinic time)</legend>
          <TimeField
            label="Texts wait from"
            value={s.smsQuietStartMinute === null ? "" : minutesToWallTime(s.smsQuietStartMinute)}
            onChange={(v) => setS({ ...s, smsQuietStartMinute: wallTimeToMinutes(v) })}
            error={fieldError("smsQuietStartMinute")}
          />
          <TimeField
            label="Until"
            value={s.smsQuietEndMinute === null ? "" : minutesToWallTime(s.smsQuietEndMinute)}
            onChange={(v) => setS({ ...s, smsQuietEndMinute: wallTimeToMinutes(v) })}
            error={fieldError("smsQuietEndMinute")}
            hint="A text due in between is sent when they end; email is never held. Clear both for none."
          />
        </fieldset>
        <Field
          label="Flag home-programme adherence below (%)"
          type="number"
          min={0}
          max={100}
          value={s.adherenceThresholdPct}
          onChange={(e) => setS({ ...s, adherenceThresholdPct: Number(e.target.value) })}
          error={fieldError("adherenceThresholdPct")}
          hint="Clients below this share of prescribed sessions last week appear on the therapist's dashboard."
        />
        <SelectField
          label="Algometer unit"
          value={s.algometerUnit}
          onChange={(e) => setS({ ...s, algometerUnit: e.target.value as ClinicSettings["algometerUnit"] })}
          error={fieldError("algometerUnit")}
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
          value={s.staffIdleTimeoutMinutes}
          onChange={(e) => setS({ ...s, staffIdleTimeoutMinutes: Number(e.target.value) })}
          error={fieldError("staffIdleTimeoutMinutes")}
          hint="Therapists and admins are signed out after this long without activity (5–720). Every sign-in also ends after 12 hours."
        />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="size-5 accent-accent-700"
            checked={s.onlineBooking}
            onChange={(e) => setS({ ...s, onlineBooking: e.target.checked })}
          />
          Clients may book online
        </label>
        <div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5 accent-accent-700"
              checked={Boolean(s.requireTwoFactor)}
              aria-describedby="require-2fa-hint"
              onChange={(e) => setS({ ...s, requireTwoFactor: e.target.checked })}
            />
            Require two-factor sign-in for all staff
          </label>
          <p id="require-2fa-hint" className="ml-7 text-sm text-stone-600">
            Staff without an authenticator app set up are taken to set-up after signing in and can do nothing else until
            it is done. Clients are offered it but never required.
          </p>
          {fieldError("requireTwoFactor") ? (
            <p className="ml-7 text-sm text-danger">{fieldError("requireTwoFactor")}</p>
          ) : null}
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
              <input
                type="radio"
                name="scope"
                className="size-5 accent-accent-700"
                checked={s.scopeWording === v}
                onChange={() => setS({ ...s, scopeWording: v })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="mb-1 text-sm font-medium">Opening hours ({s.timezone})</legend>
          {fieldError("openingHours") ? <p className="text-sm text-danger">{fieldError("openingHours")}</p> : null}
          {DAYS.map((day, i) => (
            <div key={day} className="grid grid-cols-[8rem_1fr_1fr] items-center gap-2">
              <label className="flex min-h-11 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  className="size-5 accent-accent-700"
                  checked={hours[i]!.open}
                  onChange={(e) => setHours(hours.map((h, j) => (j === i ? { ...h, open: e.target.checked } : h)))}
                />
                {day}
              </label>
              <TimeField
                label={`${day} opens`}
                labelHidden
                disabled={!hours[i]!.open}
                value={hours[i]!.start}
                className="w-36"
                onChange={(t) => setHours(hours.map((h, j) => (j === i ? { ...h, start: t } : h)))}
              />
              <TimeField
                label={`${day} closes`}
                labelHidden
                disabled={!hours[i]!.open}
                value={hours[i]!.end}
                className="w-36"
                onChange={(t) => setHours(hours.map((h, j) => (j === i ? { ...h, end: t } : h)))}
              />
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
