"use client";
import "@/app/_lib/zod-browser";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import {
  onlineBookingFlagBody,
  type ClientAppointment,
  type ClientAppointments,
  type OnlineBookingFlag,
} from "@/lib/scheduling/attendance/schemas";
import { call, ops, applyFieldErrors } from "@/app/_lib/api-client";
import { clientAppointmentKeys, clientAppointmentsQuery } from "@/app/_lib/queries/waitlist";
import { Card } from "@/app/_components/ui/layout";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { Confirm } from "@/app/_components/ui/confirm";
import { Badge, ListSkeleton, Notice } from "@/app/_components/ui/feedback";
import { CancelRestOfSeries } from "./cancel-rest-of-series";

const STATUS = {
  booked: ["info", "Booked"],
  arrived: ["info", "Arrived"],
  completed: ["success", "Completed"],
  cancelled: ["neutral", "Cancelled"],
  no_show: ["danger", "No-show"],
} as const;
const KINDS = [
  { value: "safety", label: "Safety" },
  { value: "no_shows", label: "Repeated no-shows" },
  { value: "other", label: "Other" },
] as const;
type FlagValues = z.input<typeof onlineBookingFlagBody>;

function AppointmentList({
  clientId,
  items,
  label,
  empty,
  timeZone,
  canCancelSeries,
}: {
  clientId: string;
  items: ClientAppointment[];
  label: string;
  empty: string;
  timeZone: string;
  canCancelSeries: boolean;
}) {
  const f = useClinicFormat();
  if (items.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  return (
    <ul className="divide-y divide-line" aria-label={label}>
      {items.map((a) => {
        const [tone, text] = STATUS[a.status];
        const when = `${f.at(a.startsAt, "weekdayDate")}, ${f.at(a.startsAt, "time")}`;
        return (
          <li key={a.id} className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-1 py-1.5 text-sm">
            <span className="tabular font-medium text-ink">{when}</span>
            <Badge tone={tone}>
              {text}
              {a.status === "cancelled" && a.lateCancellation ? " (late)" : ""}
            </Badge>
            <span className="text-muted">
              {a.typeName} with {a.therapistName}
              {a.roomName ? `, ${a.roomName}` : ""}
            </span>
            {a.seriesId ? <span className="text-xs text-muted">part of a series</span> : null}
            {canCancelSeries && a.seriesId && a.status === "booked" ? (
              <CancelRestOfSeries clientId={clientId} appointment={a} when={when} timeZone={timeZone} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** "Do not book online": shown, set and cleared here; the portal refuses online booking while it is set. */
function OnlineBookingFlagPanel({
  clientId,
  flag,
  canManage,
  suggest,
}: {
  clientId: string;
  flag: OnlineBookingFlag;
  canManage: boolean;
  suggest: boolean;
}) {
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const form = useForm<FlagValues>({
    resolver: zodResolver(onlineBookingFlagBody),
    defaultValues: { kind: suggest ? "no_shows" : "safety", note: "" },
  });
  const kind = useWatch({ control: form.control, name: "kind" });
  const done = (f: OnlineBookingFlag) => {
    qc.setQueryData(clientAppointmentKeys.of(clientId), (old: ClientAppointments | undefined) =>
      old ? { ...old, flag: f } : old,
    );
    setOpen(false);
    form.reset({ kind: form.getValues("kind"), note: "" });
  };
  const set = useMutation({
    mutationFn: (body: FlagValues) => call(ops.setOnlineBookingFlag, { params: { clientId }, body }),
    onSuccess: done,
    onError: (err) => applyFieldErrors(err, form.setError),
  });
  const clear = useMutation({
    mutationFn: () => call(ops.clearOnlineBookingFlag, { params: { clientId } }),
    onSuccess: done,
  });
  const noteError = form.formState.errors.note?.message;

  if (flag.blocked) {
    return (
      <div className="space-y-2" data-testid="online-booking-flag">
        <Notice tone="warning" title="Do not book online">
          {flag.reason}
        </Notice>
        {canManage ? (
          <Confirm
            trigger={<Button variant="secondary">Allow online booking</Button>}
            title="Allow online booking again?"
            description="The client will be able to book through the portal again, if the clinic offers online booking."
            confirmLabel="Allow online booking"
            onConfirm={() => clear.mutate()}
          />
        ) : null}
        {clear.error ? <Notice tone="danger">{clear.error.message}</Notice> : null}
      </div>
    );
  }
  if (!canManage) return <p className="text-sm text-muted">May book online.</p>;
  return (
    <div className="space-y-2" data-testid="online-booking-flag">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-muted">May book online.</span>
        {suggest ? <Badge tone="warning">Several missed appointments</Badge> : null}
        <Button variant="ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
          Block online booking
        </Button>
      </div>
      {open ? (
        <form
          className="space-y-3 rounded-md border border-line p-3"
          aria-label="Block online booking"
          noValidate
          onSubmit={form.handleSubmit((v) => set.mutate(v))}
        >
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-ink">Reason</legend>
            <div className="flex flex-wrap gap-x-4">
              {KINDS.map((k) => (
                <label key={k.value} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
                  <input type="radio" value={k.value} className="size-4 accent-accent-700" {...form.register("kind")} />
                  {k.label}
                </label>
              ))}
            </div>
          </fieldset>
          <Field
            label={kind === "other" ? "Note" : "Note (optional)"}
            maxLength={200}
            error={noteError}
            hint="Admins read this: front-desk wording, no clinical details."
            {...form.register("note")}
          />
          {set.error && !noteError ? <Notice tone="danger">{set.error.message}</Notice> : null}
          <Button type="submit" variant="danger" busy={set.isPending}>
            Block online booking
          </Button>
        </form>
      ) : null}
    </div>
  );
}

/** The client's appointments, no-show / late-cancel counts and the "do not book online" flag. Scheduling data only. */
export function AppointmentsCard({
  clientId,
  canManage,
  timeZone,
}: {
  clientId: string;
  canManage: boolean;
  timeZone: string;
}) {
  const q = useQuery(clientAppointmentsQuery(clientId));
  const missed = q.data ? q.data.counts.noShows + q.data.counts.lateCancellations : 0;
  return (
    <Card
      title="Appointments"
      actions={
        canManage ? (
          <ButtonLink href={`/calendar/series/new?client=${clientId}`} variant="secondary">
            Book a series
          </ButtonLink>
        ) : null
      }
    >
      {q.isPending ? <ListSkeleton rows={3} label="Loading appointments" /> : null}
      {q.isError ? (
        <Notice tone="danger">
          The appointments did not load.{" "}
          <button type="button" className="underline" onClick={() => q.refetch()}>
            Try again
          </button>
        </Notice>
      ) : null}
      {q.data ? (
        <div className="space-y-4">
          <dl className="grid grid-cols-2 gap-3" aria-label="Attendance in the last 12 months">
            <div className="rounded-md border border-line px-3 py-2">
              <dt className="text-sm text-muted">No-shows (12 months)</dt>
              <dd className="tabular text-xl font-semibold text-ink" data-testid="no-show-count">
                {q.data.counts.noShows}
              </dd>
            </div>
            <div className="rounded-md border border-line px-3 py-2">
              <dt className="text-sm text-muted">Late cancellations (12 months)</dt>
              <dd className="tabular text-xl font-semibold text-ink" data-testid="late-cancel-count">
                {q.data.counts.lateCancellations}
              </dd>
            </div>
          </dl>
          <OnlineBookingFlagPanel clientId={clientId} flag={q.data.flag} canManage={canManage} suggest={missed >= 3} />
          <div>
            <h3 className="mb-1 text-sm font-semibold text-ink">Upcoming</h3>
            <AppointmentList
              clientId={clientId}
              items={q.data.upcoming}
              label="Upcoming appointments"
              empty="Nothing booked."
              timeZone={timeZone}
              canCancelSeries={canManage}
            />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold text-ink">Recent</h3>
            <AppointmentList
              clientId={clientId}
              items={q.data.recent}
              label="Recent appointments"
              empty="No past appointments."
              timeZone={timeZone}
              canCancelSeries={false}
            />
          </div>
        </div>
      ) : null}
    </Card>
  );
}
