import type { AppointmentTypeDto } from "@/lib/scheduling/setup/schemas";
import type { OpeningBlock } from "./calendar-model";

export interface TherapistOption {
  id: string;
  name: string;
}
export interface RoomOption {
  id: string;
  name: string;
}

/** Who is looking: admins change every diary, a therapist only their own; visits are a therapist's. */
export interface Viewer {
  userId: string;
  isTherapist: boolean;
  editsAll: boolean;
  canOpenVisits: boolean;
  /** Holds billing.manage: sees amounts and takes payment at check-out. */
  canBill: boolean;
}

/** What the page hands the calendar from the clinic's set-up. */
export interface CalendarSetup {
  timeZone: string;
  openingHours: OpeningBlock[];
  rooms: RoomOption[];
  types: AppointmentTypeDto[];
  therapists: TherapistOption[];
  cancellationNoticeHours: number;
  me: Viewer;
}

export const canEdit = (me: Viewer, therapistUserId: string) => me.editsAll || therapistUserId === me.userId;
