/**
 * The statuses that hold a slot: the exclusion constraints of migration 0007 cover exactly these,
 * so every overlap check in the app must use the same list.
 */
export const ACTIVE_STATUSES = ["booked", "arrived", "completed"] as const;
