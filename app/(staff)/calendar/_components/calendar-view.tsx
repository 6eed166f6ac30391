"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { addLocalDays } from "@/lib/format/zoned";
import { calendarQuery, withholdChangeNotice } from "@/app/_lib/queries/calendar";
import type { Banner } from "./calendar-banner";
import { Button, ButtonLink } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { CalendarGrid } from "./calendar-grid";
import { CalendarSkeleton } from "./calendar-skeleton";
import { CalendarToolbar } from "./calendar-toolbar";
import { CreateDialog, type CreateDraft } from "./create-dialog";
import { EditDialog } from "./edit-dialog";
import { canEdit, type CalendarSetup } from "./calendar-types";
import { datesOf, gridBounds, instantAt, mondayOf, todayIn, type Column, type View } from "./calendar-model";
import { useMoveAppointment } from "./use-move-appointment";
import { moveSummary } from "./move-summary";
import { UndoToast, type UndoMessage } from "@/app/_components/ui/undo-toast";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { ClinicFormat } from "@/lib/format/clinic-format";

/**
 * The staff calendar. Date, view and filters live in the URL (?date=&view=&therapist=&room=),
 * so a reload or a shared link shows the same page; changing them does not reload the page.
 */
export function CalendarView(setup: CalendarSetup) {
  const { timeZone, me } = setup;
  const f = useClinicFormat();
  const params = useSearchParams();
  const view: View = params.get("view") === "week" ? "week" : "day";
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "") ? params.get("date")! : todayIn(timeZone);
  const roomId = setup.rooms.some((r) => r.id === params.get("room")) ? params.get("room") : null;
  const requested = setup.therapists.find((t) => t.id === params.get("therapist"))?.id ?? null;
  // The week shows one therapist's diary: days side by side read better than 7 × N narrow columns.
  const therapistId =
    view === "week" ? (requested ?? (me.isTherapist ? me.userId : (setup.therapists[0]?.id ?? null))) : requested;
  const includeCancelled = params.get("cancelled") === "1";
  const from = view === "day" ? date : mondayOf(date);
  const filter = { from, to: addLocalDays(from, view === "day" ? 1 : 7), therapistId, roomId, includeCancelled };
  const q = useQuery(calendarQuery(filter));

  const [banner, setBanner] = useState<Banner | null>(null);
  const [draft, setDraft] = useState<CreateDraft | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [moved, setMoved] = useState<UndoMessage | null>(null);
  // A successful drag says what changed, with Undo for a few seconds; Undo moves it back through
  // the same operation (so the database checks the old slot is still free) and says so.
  const move = useMoveAppointment(filter, setBanner, (before, after, v, moveAgain) => {
    const summary = moveSummary(before, after, f, v.undo);
    // The client is told after the Undo window unless the desk says not to (agreed by phone).
    const tells = !v.undo && v.notifyClient !== false && after.status === "booked";
    const client = after.clientName.split(" ")[0] ?? after.clientName;
    const withhold = async () => {
      const { withheld } = await withholdChangeNotice(after.id).catch(() => ({ withheld: null }));
      setMoved(
        (m) =>
          m && {
            ...m,
            id: Date.now(),
            action: undefined,
            text: `${summary}. ${
              withheld === null
                ? `Could not stop the message to ${client}. Please try again.`
                : withheld
                  ? `${client} won't be told about it.`
                  : `${client} has already been told.`
            }`,
          },
      );
    };
    setMoved({
      id: Date.now(),
      text: tells ? `${summary}. ${client} will be told in 2 minutes.` : summary,
      action: tells ? { label: `Don't tell ${client}`, run: () => void withhold() } : undefined,
      onUndo: v.undo
        ? undefined
        : () => {
            setMoved(null);
            moveAgain({
              appointment: after,
              patch: {
                startsAt: before.startsAt,
                endsAt: before.endsAt,
                ...(after.therapistUserId !== before.therapistUserId
                  ? { therapistUserId: before.therapistUserId }
                  : {}),
              },
              // It was there a moment ago: returning it is not a new decision about opening hours.
              allowOutsideHours: true,
              undo: true,
            });
          },
    });
  });

  const navigate = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    // Next keeps useSearchParams in step with history.pushState, without a server round trip.
    window.history.pushState(null, "", `?${next}`);
  };
  const step = (dir: -1 | 1) => navigate({ date: addLocalDays(date, dir * (view === "day" ? 1 : 7)) });

  if (q.isPending) return <CalendarSkeleton />;
  if (q.isError) {
    return (
      <Notice tone="danger" title="The calendar did not load" testId="calendar-load-error">
        {q.error.message}{" "}
        <Button variant="ghost" onClick={() => void q.refetch()}>
          Try again
        </Button>
      </Notice>
    );
  }

  const data = q.data;
  const dates = datesOf(view, date, setup.openingHours, data.appointments, timeZone);
  const bounds = gridBounds(dates, setup.openingHours, data.appointments, timeZone);
  const columns: Column[] =
    view === "day"
      ? data.therapists.map((t) => ({ key: `${t.id}|${date}`, therapistId: t.id, date, label: t.name }))
      : dates.map((d) => ({
          key: `${therapistId}|${d}`,
          therapistId: therapistId!,
          date: d,
          label: f.day(d, "weekdayShort"),
          sublabel: d === todayIn(timeZone) ? "Today" : undefined,
        }));
  const editing$ = data.appointments.find((a) => a.id === editing) ?? null;
  const title = view === "day" ? f.day(date, "dateFull") : `Week of ${f.day(mondayOf(date), "dateFull")}`;
  const who = view === "week" ? setup.therapists.find((t) => t.id === therapistId)?.name : null;

  const startDraft = (over: Partial<CreateDraft> = {}) => {
    setBanner(null);
    setDraft({
      date,
      minutes: 9 * 60,
      therapistId: therapistId ?? (me.isTherapist ? me.userId : (setup.therapists[0]?.id ?? "")),
      roomId,
      ...over,
    });
  };

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-ink">
          Calendar{" "}
          <span className="text-lg font-normal text-muted">
            · {title}
            {who ? ` · ${who}` : ""}
          </span>
        </h1>
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href="/waitlist"
            className="inline-flex min-h-11 items-center px-2 text-sm font-medium text-accent-700 underline-offset-2 hover:underline"
          >
            Waitlist
          </Link>
          <ButtonLink href="/calendar/series/new" variant="secondary">
            Book a series
          </ButtonLink>
          <Button onClick={() => startDraft()}>New appointment</Button>
        </div>
      </div>
      <CalendarToolbar
        view={view}
        date={date}
        therapistId={therapistId}
        roomId={roomId}
        includeCancelled={includeCancelled}
        therapists={setup.therapists}
        rooms={setup.rooms}
        timeZone={timeZone}
        fetching={q.isFetching}
        onChange={navigate}
        onToday={() => navigate({ date: todayIn(timeZone) })}
        onStep={step}
      />
      <div className="mb-3 empty:hidden">
        {banner ? <BannerNotice banner={banner} onClose={() => setBanner(null)} /> : null}
      </div>
      <UndoToast message={moved} onExpire={() => setMoved(null)} testId="calendar-moved" />
      {setup.therapists.length === 0 ? (
        <EmptyState title="No therapists yet">
          Invite a therapist from Staff; their diary appears here as a column.
        </EmptyState>
      ) : (
        <>
          <CalendarGrid
            columns={columns}
            bounds={bounds}
            appointments={data.appointments}
            therapists={data.therapists}
            timeZone={timeZone}
            showTherapist={false}
            isEditable={(a) => canEdit(me, a.therapistUserId)}
            onCreateAt={(c, minutes) => {
              if (canEdit(me, c.therapistId)) startDraft({ date: c.date, minutes, therapistId: c.therapistId });
            }}
            onOpen={(a) => {
              setBanner(null);
              setEditing(a.id);
            }}
            onDrop={(a, c, start, end) =>
              move.mutate({
                appointment: a,
                patch: {
                  startsAt: instantAt(c.date, start, timeZone),
                  endsAt: instantAt(c.date, end, timeZone),
                  ...(c.therapistId !== a.therapistUserId ? { therapistUserId: c.therapistId } : {}),
                },
              })
            }
          />
          {data.appointments.length === 0 && !q.isPlaceholderData ? (
            <p className="mt-3 text-sm text-muted" data-testid="calendar-empty">
              No appointments {view === "day" ? "on this day" : "this week"}
              {roomId ? " in this room" : ""}. Click a free slot or use “New appointment” to book one.
            </p>
          ) : null}
        </>
      )}
      {draft ? (
        <CreateDialog
          setup={setup}
          draft={draft}
          onClose={() => setDraft(null)}
          onBooked={(a) => {
            setDraft(null);
            setBanner({ tone: "success", text: bookedText(a, f) });
          }}
        />
      ) : null}
      {editing$ ? (
        <EditDialog
          setup={setup}
          appointment={editing$}
          onClose={() => setEditing(null)}
          onDone={(b) => {
            setEditing(null);
            setBanner(b);
          }}
        />
      ) : null}
    </>
  );
}

function bookedText(a: AppointmentView, f: ClinicFormat) {
  const when = f.dayTime(a.startsAt);
  return `Booked ${a.clientName} with ${a.therapistName}, ${when}${a.roomName ? `, ${a.roomName}` : ""}.`;
}

function BannerNotice({ banner, onClose }: { banner: Banner; onClose: () => void }) {
  return (
    <Notice tone={banner.tone} testId="calendar-message">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <span>{banner.text}</span>
        {banner.waitlistFor ? (
          <Link
            href={`/waitlist?appointment=${banner.waitlistFor}`}
            className="font-semibold underline underline-offset-2"
          >
            See waitlist matches
          </Link>
        ) : null}
        {banner.retry ? (
          <button
            type="button"
            className="min-h-11 font-semibold underline underline-offset-2"
            onClick={banner.retry.run}
          >
            {banner.retry.label}
          </button>
        ) : null}
        <button
          type="button"
          className="ml-auto min-h-11 px-2 text-sm underline-offset-2 hover:underline"
          onClick={onClose}
        >
          Dismiss
        </button>
      </div>
    </Notice>
  );
}
