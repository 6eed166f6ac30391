"use client";
/**
 * Date and time fields in the clinic's locale, not the browser's: a native date input
 * draws its own order (a US browser shows 04/02/2027 where an en-GB clinic means 2 April), so
 * these replace every native date and time input. Built on react-aria (Adobe): each part is a
 * spin button a keyboard or a screen reader can edit, typed digits move on by themselves, phones
 * get the number pad, and the date field opens a calendar grid. The locale and the clock come
 * from the clinic setting (ClinicFormatProvider), through the same module that formats dates.
 *
 * The value on the wire is unchanged: "YYYY-MM-DD" for a date and "HH:mm" for a time, "" while
 * empty or incomplete, so react-hook-form, zod and FormData see what the native inputs gave.
 */
import { useId, useMemo, useRef, useState, type ReactNode } from "react";
import { parseDate, parseTime, type CalendarDate, type Time } from "@internationalized/date";
import dynamic from "next/dynamic";
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  FieldError,
  I18nProvider,
  Label,
  Text,
  TimeField as AriaTimeField,
} from "react-aria-components";
import { clinicHourCycle } from "@/lib/format/clinic-format";
import { useClinicFormat } from "../clinic-format";

export interface DateTimeFieldProps {
  label: ReactNode;
  /** Keep the label for screen readers only (a row of times whose heading says the day). */
  labelHidden?: boolean;
  /** Controlled: "YYYY-MM-DD" / "HH:mm", or "" for none. */
  value?: string;
  /** Uncontrolled start value (with `name`, for a plain form read through FormData or GET). */
  defaultValue?: string;
  onChange?: (value: string) => void;
  onBlur?: () => void;
  /** Submits the wire value under this name in a plain form. */
  name?: string;
  min?: string;
  max?: string;
  required?: boolean;
  disabled?: boolean;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

const frame = "flex min-h-11 w-full items-center rounded-md border border-stone-300 bg-white text-base text-ink";
const frameState =
  "data-[focus-within]:border-accent-600 data-[invalid]:border-danger data-[disabled]:bg-stone-100 data-[disabled]:text-muted";
// At least 24 px square each (WCAG 2.5.8 target size): "AM" and a one-digit hour are narrower than that.
const segmentClass =
  "inline-flex min-h-6 min-w-6 items-center justify-center rounded px-0.5 tabular-nums outline-none caret-transparent data-[placeholder]:text-stone-500 data-[type=literal]:min-w-0 data-[type=literal]:px-0 data-[focused]:bg-accent-700 data-[focused]:text-white";

function useWireValue<T>(props: DateTimeFieldProps, parse: (s: string) => T) {
  const [inner, setInner] = useState(props.defaultValue ?? "");
  const wire = props.value ?? inner;
  // Parsed once per string: react-aria resets a half-typed field whenever the value object changes.
  const parsed = useMemo(() => safely(parse, wire), [wire, parse]);
  const min = useMemo(() => safely(parse, props.min ?? ""), [props.min, parse]);
  const max = useMemo(() => safely(parse, props.max ?? ""), [props.max, parse]);
  const set = (next: string) => {
    if (props.value === undefined) setInner(next);
    props.onChange?.(next);
  };
  return { wire, parsed, min, max, set };
}

function safely<T>(parse: (s: string) => T, s: string): T | null {
  if (!s) return null;
  try {
    return parse(s);
  } catch {
    return null;
  }
}

const parseWireDate = (s: string): CalendarDate => parseDate(s);
const parseWireTime = (s: string): Time => parseTime(s);
const timeToWire = (t: Time) => `${String(t.hour).padStart(2, "0")}:${String(t.minute).padStart(2, "0")}`;

function FieldText({ hint, error }: { hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <Text slot="description" className="mt-1 block text-sm text-muted">
          {hint}
        </Text>
      ) : null}
      {/* Our error (zod or the server) first; else react-aria's own range message, in the clinic's words. */}
      {error ? (
        <Text slot="errorMessage" className="mt-1 block text-sm text-danger">
          {error}
        </Text>
      ) : (
        <FieldError className="mt-1 block text-sm text-danger" />
      )}
    </>
  );
}

function FieldLabel({ label, hidden }: { label: ReactNode; hidden?: boolean }) {
  return <Label className={hidden ? "sr-only" : "mb-1 block text-sm font-medium text-ink"}>{label}</Label>;
}

// The month grid loads when the calendar button is first pressed: typing a date needs none of it.
const MonthCalendar = dynamic(() => import("./month-calendar"), {
  ssr: false,
  loading: () => <p className="p-3 text-sm text-muted">Loading the calendar…</p>,
});

/** A calendar date in the clinic's order (02/04/2027 · 04/02/2027), typed or picked from a calendar. */
export function DateField(props: DateTimeFieldProps) {
  const f = useClinicFormat();
  const { wire, parsed, min, max, set } = useWireValue(props, parseWireDate);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const name = typeof props.label === "string" ? props.label : "date";
  return (
    <I18nProvider locale={f.locale}>
      <AriaDateField
        className={props.className}
        value={parsed}
        onChange={(d) => set(d ? d.toString() : "")}
        onBlur={props.onBlur}
        minValue={min}
        maxValue={max}
        isRequired={props.required}
        isDisabled={props.disabled}
        isInvalid={props.error ? true : undefined}
        validationBehavior="aria"
        shouldForceLeadingZeros
        granularity="day"
      >
        <FieldLabel label={props.label} hidden={props.labelHidden} />
        <div
          className={`${frame} pl-3 has-[[data-focus-within]]:border-accent-600 has-[[data-invalid]]:border-danger has-[[data-disabled]]:bg-stone-100`}
        >
          <DateInput className="flex flex-1 py-2">
            {(segment) => <DateSegment segment={segment} className={segmentClass} />}
          </DateInput>
          <button
            ref={button}
            type="button"
            aria-label={`Choose ${name.toLowerCase()} from a calendar`}
            aria-expanded={open}
            aria-controls={open ? panelId : undefined}
            disabled={props.disabled}
            onClick={() => setOpen((o) => !o)}
            className="flex min-h-11 min-w-11 items-center justify-center rounded-r-md text-accent-700 outline-offset-[-3px] hover:bg-accent-50 disabled:text-muted"
          >
            <CalendarIcon />
          </button>
        </div>
        <FieldText hint={props.hint} error={props.error} />
      </AriaDateField>
      {open ? (
        <div id={panelId} className="mt-2 w-fit max-w-full rounded-md border border-line bg-white p-3 shadow-lg">
          <MonthCalendar
            label={name}
            value={parsed}
            min={min}
            max={max}
            onPick={(d) => {
              set(d.toString());
              close();
            }}
            onClose={close}
          />
        </div>
      ) : null}
      {props.name ? <input type="hidden" name={props.name} value={wire} /> : null}
    </I18nProvider>
  );
}

function CalendarIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="4.5" width="14" height="12" rx="1.5" />
      <path d="M3 8.5h14M7 2.5v4M13 2.5v4" />
    </svg>
  );
}

/** A time of day on the clinic's clock (14:30 · 2:30 PM). */
export function TimeField(props: DateTimeFieldProps) {
  const f = useClinicFormat();
  const { wire, parsed, min, max, set } = useWireValue(props, parseWireTime);
  return (
    <I18nProvider locale={f.locale}>
      <AriaTimeField
        className={props.className}
        value={parsed}
        onChange={(t) => set(t ? timeToWire(t) : "")}
        onBlur={props.onBlur}
        minValue={min}
        maxValue={max}
        isRequired={props.required}
        isDisabled={props.disabled}
        isInvalid={props.error ? true : undefined}
        validationBehavior="aria"
        hourCycle={clinicHourCycle(f.locale)}
        // "09:00" on a 24-hour clock, "9:00 AM" on a 12-hour one: as the clinic's formatted times read.
        shouldForceLeadingZeros={clinicHourCycle(f.locale) === 24}
        granularity="minute"
      >
        <FieldLabel label={props.label} hidden={props.labelHidden} />
        <DateInput className={`${frame} ${frameState} px-3 py-2`}>
          {(segment) => <DateSegment segment={segment} className={segmentClass} />}
        </DateInput>
        <FieldText hint={props.hint} error={props.error} />
      </AriaTimeField>
      {props.name ? <input type="hidden" name={props.name} value={wire} /> : null}
    </I18nProvider>
  );
}
