import { ApiError } from "@/app/_lib/api";

/** The message above the calendar: the outcome of a booking, a move or a failed load. */
export interface Banner {
  tone: "danger" | "success" | "warning";
  text: string;
  retry?: { label: string; run: () => void };
  waitlistFor?: string;
}

/** The API refused a time outside opening hours: the dialogs offer to book it anyway. */
export const isOutsideHours = (err: unknown) => err instanceof ApiError && err.details?.reason === "outside_hours";
