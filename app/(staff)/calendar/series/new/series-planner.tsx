"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import Link from "next/link";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import type { SeriesDto, SeriesReport } from "@/lib/scheduling/appointments/series-schemas";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField } from "@/app/_components/ui/field";
import { DateField, TimeField } from "@/app/_components/ui/date-time-field";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { ClientPicker, type PickedClient } from "@/app/_components/scheduling/client-picker";
import { formatters, SeriesReportView, unresolvedCount, type Choice } from "./series-report";
import { calendarKeys } from "@/app/_lib/queries/calendar";

type Option = { id: string; name: string };

const FIELD_OF: Record<string, string> = {
  "rule.start": "date",
  "rule.intervalWeeks": "interval",
  "rule.count": "count",
  "rule.until": "until",
  rule: "date",
};

export function SeriesPlanner({
  types,
  therapists,
  rooms,
  initialClient,
  defaultTherapistId,
}: {
  types: AppointmentTypeDto[];
  therapists: Option[];
  rooms: Option[];
  initialClient: PickedClient | null;
  defaultTherapistId: string | null;
}) {
  const qc = useQueryClient();
  const f = formatters(useClinicFormat());
  const [client, setClient] = useState<PickedClient | null>(initialClient);
  const [form, setForm] = useState({
    typeId: types[0]?.id ?? "",
    therapistId: defaultTherapistId ?? "",
    roomId: "",
    date: "",
    time: "09:00",
    interval: "1",
    ends: "count" as "count" | "until",
    count: "6",
    until: "",
  });
  const [report, setReport] = useState<SeriesReport | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [booked, setBooked] = useState<SeriesDto | null>(null);
  const [raceMessage, setRaceMessage] = useState<string | null>(null);
  // One key per checked plan: a double click or a retry after a lost reply books the series once.
  const [bookingKey, setBookingKey] = useState(() => crypto.randomUUID());

  const type = types.find((t) => t.id === form.typeId);
  // Only the therapists who offer the chosen type (none listed = all of them).
  const offering = useMemo(
    () => therapists.filter((t) => !type || type.therapistIds.length === 0 || type.therapistIds.includes(t.id)),
    [therapists, type],
  );
  const therapistId = offering.some((t) => t.id === form.therapistId) ? form.therapistId : (offering[0]?.id ?? "");

  // Any change to the series makes the last check stale.
  const update = (patch: Partial<typeof form>) => {
    setForm({ ...form, ...patch });
    setReport(null);
    setChoices({});
    setRaceMessage(null);
  };

  const body = {
    clientId: client?.id ?? "",
    typeId: form.typeId,
    therapistUserId: therapistId,
    roomId: type?.needsRoom && form.roomId ? form.roomId : null,
    rule: {
      start: `${form.date}T${form.time}`,
      intervalWeeks: Number(form.interval),
      ...(form.ends === "count" ? { count: Number(form.count) } : { until: form.until }),
    },
  };
  const preview = useMutation({
    mutationFn: () => call(ops.previewSeries, { body }),
    onSuccess: (r) => {
      setReport(r);
      setChoices({});
      setRaceMessage(null);
      setBookingKey(crypto.randomUUID());
    },
  });
  const book = useMutation({
    mutationFn: () =>
      call(ops.createSeries, {
        body: {
          ...body,
          idempotencyKey: bookingKey,
          choices: Object.entries(choices).map(([index, c]) =>
            c.action === "skip"
              ? { index: Number(index), action: "skip" as const }
              : {
                  index: Number(index),
                  action: "alternative" as const,
                  start: c.alternative.start,
                  therapistUserId: c.alternative.therapistId,
                  roomId: c.alternative.roomId,
                },
          ),
        },
      }),
    onSuccess: (s) => {
      setBooked(s);
      void qc.invalidateQueries({ queryKey: calendarKeys.all });
    },
    onError: (err) => {
      // Someone took a date meanwhile: nothing was booked; show the fresh report and ask again for those dates.
      if (err instanceof ApiError && err.code === "CONFLICT" && err.details.report) {
        const failed = new Set(((err.details.failed as { index: number }[] | undefined) ?? []).map((f) => f.index));
        setReport(err.details.report as SeriesReport);
        setChoices((old) => Object.fromEntries(Object.entries(old).filter(([i]) => !failed.has(Number(i)))));
        setRaceMessage(err.message);
        setBookingKey(crypto.randomUUID());
      }
    },
  });

  const fieldError = (name: string) => {
    const e = preview.error instanceof ApiError ? preview.error : null;
    if (!e) return undefined;
    return Object.entries(e.fieldErrors).find(([k]) => (FIELD_OF[k] ?? k) === name)?.[1][0];
  };

  if (booked) {
    const active = booked.appointments;
    return (
      <Card title="Series booked">
        <Notice tone="success" testId="series-booked">
          Booked {active.length} appointments for {booked.clientName}
          {booked.skipped.length ? ` (${booked.skipped.length} skipped)` : ""}.
        </Notice>
        <ol className="tabular mt-3 space-y-1 text-sm" aria-label="Booked appointments">
          {active.map((a) => (
            <li key={a.id}>
              {f.when(a.startsAt, a.endsAt)} with {a.therapistName}
              {a.roomName ? `, ${a.roomName}` : ""}
            </li>
          ))}
        </ol>
        <div className="mt-4 flex flex-wrap gap-3">
          <Link
            className="inline-flex min-h-11 items-center font-medium text-accent-700 underline underline-offset-2"
            href={`/calendar?view=week&date=${active[0]?.startsAt.slice(0, 10) ?? ""}`}
          >
            Open the calendar at the first session
          </Link>
          <Button
            variant="secondary"
            onClick={() => {
              setBooked(null);
              setReport(null);
              setChoices({});
            }}
          >
            Book another series
          </Button>
        </div>
      </Card>
    );
  }

  const toBook = report
    ? report.occurrences.filter((o) => choices[o.index]?.action !== "skip" && (o.status === "ok" || choices[o.index]))
        .length
    : 0;
  const unresolved = report ? unresolvedCount(report, choices) : 0;
  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_1fr]">
      <Card title="The series">
        {types.length === 0 || therapists.length === 0 ? (
          <Notice tone="warning">Add an appointment type and a therapist in Settings before booking a series.</Notice>
        ) : (
          <form
            className="space-y-4"
            aria-label="Series details"
            onSubmit={(e) => {
              e.preventDefault();
              preview.mutate();
            }}
          >
            <ClientPicker
              value={client}
              onChange={(c) => {
                setClient(c);
                setReport(null);
              }}
              error={fieldError("clientId")}
            />
            <SelectField
              label="Appointment type"
              value={form.typeId}
              onChange={(e) => update({ typeId: e.target.value })}
              error={fieldError("typeId")}
            >
              {types.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name} ({t.durationMin} min)
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Therapist"
              value={therapistId}
              onChange={(e) => update({ therapistId: e.target.value })}
              error={fieldError("therapistUserId")}
            >
              {offering.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </SelectField>
            {type?.needsRoom ? (
              <SelectField
                label="Room"
                value={form.roomId}
                onChange={(e) => update({ roomId: e.target.value })}
                error={fieldError("roomId")}
              >
                <option value="">Any free room</option>
                {rooms.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </SelectField>
            ) : null}
            <div className="grid grid-cols-2 gap-3">
              <DateField
                label="First date"
                required
                value={form.date}
                onChange={(v) => update({ date: v })}
                error={fieldError("date")}
              />
              <TimeField label="Time" required value={form.time} onChange={(v) => update({ time: v })} />
            </div>
            <SelectField
              label="Repeat"
              value={form.interval}
              onChange={(e) => update({ interval: e.target.value })}
              error={fieldError("interval")}
            >
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
                    <input
                      type="radio"
                      name="ends"
                      className="size-4 accent-accent-700"
                      checked={form.ends === m}
                      onChange={() => update({ ends: m })}
                    />
                    {m === "count" ? "After a number of sessions" : "On a date"}
                  </label>
                ))}
              </div>
            </fieldset>
            {form.ends === "count" ? (
              <Field
                label="Number of sessions"
                type="number"
                min={1}
                max={52}
                value={form.count}
                onChange={(e) => update({ count: e.target.value })}
                error={fieldError("count")}
              />
            ) : (
              <DateField
                label="Last date"
                value={form.until}
                onChange={(v) => update({ until: v })}
                error={fieldError("until")}
                hint="Up to 52 sessions."
              />
            )}
            {preview.error && !(preview.error instanceof ApiError && Object.keys(preview.error.fieldErrors).length) ? (
              <Notice tone="danger">{preview.error.message}</Notice>
            ) : null}
            <Button type="submit" busy={preview.isPending} className="w-full">
              Check all dates
            </Button>
          </form>
        )}
      </Card>

      <div className="space-y-4">
        {preview.isPending ? <ListSkeleton rows={6} label="Checking every date" /> : null}
        {!preview.isPending && !report ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center text-sm text-muted">
            Fill in the series and press “Check all dates”. Every date is checked against the therapist’s hours, time
            off, other bookings, rooms and the client’s own appointments.
          </p>
        ) : null}
        {raceMessage ? (
          <Notice tone="danger" title="Nothing was booked" testId="series-race">
            {raceMessage}
          </Notice>
        ) : null}
        {report && !preview.isPending ? (
          <>
            <SeriesReportView
              report={report}
              choices={choices}
              onChoose={(i, c) =>
                setChoices((old) => {
                  const next = { ...old };
                  if (c) next[i] = c;
                  else delete next[i];
                  return next;
                })
              }
            />
            {book.error && !(book.error instanceof ApiError && book.error.details.report) ? (
              <Notice tone="danger">{book.error.message}</Notice>
            ) : null}
            <div className="flex flex-wrap items-center gap-3">
              <Button
                onClick={() => book.mutate()}
                busy={book.isPending}
                disabled={unresolved > 0 || toBook === 0}
                aria-describedby="book-hint"
              >
                Book {toBook} {toBook === 1 ? "appointment" : "appointments"}
              </Button>
              <p id="book-hint" className="text-sm text-muted">
                {unresolved > 0
                  ? `Choose an alternative or skip for ${unresolved} ${unresolved === 1 ? "date" : "dates"} first.`
                  : "All or nothing: if any date is taken meanwhile, nothing is booked and you see the dates again."}
              </p>
            </div>
          </>
        ) : null}
      </div>
    </div>
  );
}
