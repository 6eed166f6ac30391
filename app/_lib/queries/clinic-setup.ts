/** Keys for the clinic's set-up lists: appointment types, rooms and the staff slot finder. */
export const setupKeys = {
  appointmentTypes: ["appointment-types"] as const,
  rooms: ["rooms"] as const,
  /** Every slot search: availability changes make all of them stale. */
  allSlots: ["slots"] as const,
  slots: (typeId: string, therapistId: string) => ["slots", typeId, therapistId] as const,
};
