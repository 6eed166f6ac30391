/** Keys for the public booking page (no sign-in; one clinic by its slug). */
export const publicBookingKeys = {
  slots: (slug: string, typeId: string | null, therapistId: string | null) =>
    ["public-booking", slug, "slots", typeId, therapistId] as const,
};
