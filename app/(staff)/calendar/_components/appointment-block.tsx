"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { PointerEvent as ReactPointerEvent } from "react";
import type { AppointmentView } from "@/lib/scheduling/appointments/calendar-schemas";
import { PX_PER_MIN, STATUS_LABEL, tint } from "./calendar-model";

const STATUS_ICON: Record<AppointmentView["status"], string> = {
  booked: "",
  arrived: "●",
  completed: "✓",
  cancelled: "✕",
  no_show: "!",
};

/**
 * One appointment on the grid: a real button (Tab reaches it, Enter opens the edit dialog),
 * tinted with its type's colour under dark text, so any colour an admin picks stays readable.
 * Status is in words and an icon, never colour alone. Pointer handlers come from the grid.
 */
export function AppointmentBlock({
  a,
  top,
  height,
  lane,
  lanes,
  showTherapist,
  editable,
  dragging,
  onOpen,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  onPointerCancel,
}: {
  a: AppointmentView;
  top: number;
  height: number;
  lane: number;
  lanes: number;
  showTherapist: boolean;
  editable: boolean;
  dragging: boolean;
  onOpen: () => void;
  onPointerDown: (e: ReactPointerEvent<HTMLElement>, mode: "move" | "resize") => void;
  onPointerMove: (e: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (e: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: () => void;
}) {
  const time = useClinicFormat().timeRange(a.startsAt, a.endsAt);
  const inactive = a.status === "cancelled" || a.status === "no_show";
  const compact = height < 40;
  const bufferPx = inactive ? 0 : a.bufferAfterMin * PX_PER_MIN;
  const width = `calc((100% - 0.5rem) / ${lanes})`;
  return (
    <>
      <button
        type="button"
        data-appointment={a.id}
        onClick={(e) => {
          e.stopPropagation();
          onOpen();
        }}
        onPointerDown={(e) => onPointerDown(e, "move")}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        className={`absolute z-10 overflow-hidden rounded-md border text-left text-xs leading-tight text-ink shadow-sm transition-shadow hover:shadow-md
          ${editable && !inactive ? "cursor-grab touch-none active:cursor-grabbing" : "cursor-pointer"} ${inactive ? "border-dashed border-stone-400" : "border-black/10"}
          ${dragging ? "opacity-40" : ""}`}
        style={{
          top,
          height: Math.max(height, 18),
          left: `calc(0.25rem + ${lane} * ${width})`,
          width,
          background: inactive ? "#fafaf9" : tint(a.typeColour),
          borderLeft: `4px solid ${a.typeColour}`,
        }}
      >
        {/* The visible text is the start of the accessible name (WCAG 2.5.3); hidden parts complete it. */}
        <span className={`block px-1.5 ${compact ? "truncate py-0.5" : "py-1"}`}>
          <span className="tabular">{time}</span>{" "}
          <span className={`text-[0.8125rem] font-semibold ${a.status === "cancelled" ? "line-through" : ""}`}>
            {a.clientName}
          </span>
          <span className="sr-only">, </span>
          <span className={compact ? "sr-only" : "block truncate"}>
            {a.typeName}
            {a.roomName ? ` · ${a.roomName}` : ""}
          </span>
          {showTherapist ? (
            <span className={compact ? "sr-only" : "block truncate"}>
              <span className="sr-only">, with </span>
              {a.therapistName}
            </span>
          ) : null}
          <span className="sr-only">, </span>
          {a.status === "booked" ? (
            <span className="sr-only">{STATUS_LABEL.booked}</span>
          ) : compact ? (
            <span className="font-semibold"> · {STATUS_LABEL[a.status]}</span>
          ) : (
            <span className="mt-0.5 inline-flex items-center gap-1 rounded bg-white/80 px-1 font-semibold">
              <span aria-hidden>{STATUS_ICON[a.status]}</span>
              {STATUS_LABEL[a.status]}
              {a.lateCancellation ? " (late)" : ""}
            </span>
          )}
          <span className="sr-only">. Open to edit.</span>
        </span>
        {editable && !inactive ? (
          <span
            aria-hidden
            data-resize-handle
            onPointerDown={(e) => {
              e.stopPropagation();
              onPointerDown(e, "resize");
            }}
            className="absolute inset-x-0 bottom-0 h-2 cursor-ns-resize touch-none bg-black/0 hover:bg-black/10"
          />
        ) : null}
      </button>
      {bufferPx > 0 ? (
        <div
          aria-hidden
          title={`${a.bufferAfterMin} min buffer`}
          className="pointer-events-none absolute z-0 rounded-b-md"
          style={{
            top: top + height,
            height: bufferPx,
            left: `calc(0.25rem + ${lane} * ${width})`,
            width,
            background: `repeating-linear-gradient(135deg, ${tint(a.typeColour, 0.22)} 0 4px, transparent 4px 8px)`,
          }}
        />
      ) : null}
    </>
  );
}
