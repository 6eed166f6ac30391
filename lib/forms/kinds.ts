/** Closed sets of the forms area, shared by the schema's CHECK constraints and the code. */
export const FORM_REQUEST_STATUSES = ["pending", "signed", "cancelled"] as const;
export const SIGNATURE_METHODS = ["drawn", "typed"] as const;
export const FORM_SOURCES = ["portal", "kiosk"] as const;
export const PROPOSAL_STATUSES = ["pending", "accepted", "edited", "dismissed"] as const;
