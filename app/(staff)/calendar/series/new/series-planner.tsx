"use client";
import "@/app/_lib/zod-browser";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { SeriesDto, SeriesPreviewInput, SeriesReport } from "@/lib/scheduling/appointments/series-schemas";
import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import { call, ops, ApiError, applyFieldErrors } from "@/app/_lib/api-client";
import { Card } from "@/app/_components/ui/layout";
import { Button } from "@/app/_components/ui/button";
import { ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import type { PickedClient } from "@/app/_components/scheduling/client-picker";
import { formatters, SeriesReportView, unresolvedCount, type Choice } from "./series-report";
import { FIELD_OF, SeriesForm, seriesFormSchema, type SeriesFormValues } from "./series-form";
import { SeriesBooked } from "./series-booked";
import { calendarKeys } from "@/app/_lib/queries/calendar";

type Option = { id: string; name: string };

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
  const form = useForm<SeriesFormValues, unknown, SeriesPreviewInput>({
    resolver: zodResolver(seriesFormSchema(types, therapists)),
    defaultValues: {
      client: initialClient,
      typeId: types[0]?.id ?? "",
      therapistUserId: defaultTherapistId ?? "",
      roomId: "",
      date: "",
      time: "09:00",
      interval: "1",
      ends: "count",
      count: "6",
      until: "",
    },
  });
  const [report, setReport] = useState<SeriesReport | null>(null);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [booked, setBooked] = useState<SeriesDto | null>(null);
  const [raceMessage, setRaceMessage] = useState<string | null>(null);
  // One key per checked plan: a double click or a retry after a lost reply books the series once.
  const [bookingKey, setBookingKey] = useState(() => crypto.randomUUID());

  // Any change to the series makes the last check stale.
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: ({ type }) => {
          if (type !== "change") return;
          setReport(null);
          setChoices({});
          setRaceMessage(null);
        },
      }),
    [form],
  );

  const preview = useMutation({
    mutationFn: (body: SeriesPreviewInput) => call(ops.previewSeries, { body }),
    onSuccess: (r) => {
      setReport(r);
      setChoices({});
      setRaceMessage(null);
      setBookingKey(crypto.randomUUID());
    },
    onError: (err) =>
      applyFieldErrors(err, (name: string, e) => form.setError(FIELD_OF[name] ?? (name as keyof SeriesFormValues), e)),
  });
  const book = useMutation({
    // The plan last checked: any change since then cleared its report, and with it this button.
    mutationFn: (body: SeriesPreviewInput) =>
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

  const problem =
    preview.error && !(preview.error instanceof ApiError && Object.keys(preview.error.fieldErrors).length)
      ? preview.error.message
      : null;

  if (booked) {
    return (
      <SeriesBooked
        series={booked}
        when={f.when}
        onAnother={() => {
          setBooked(null);
          setReport(null);
          setChoices({});
        }}
      />
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
          <SeriesForm
            form={form}
            types={types}
            therapists={therapists}
            rooms={rooms}
            busy={preview.isPending}
            problem={problem}
            onCheck={(body) => preview.mutate(body)}
          />
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
                onClick={() => preview.variables && book.mutate(preview.variables)}
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
