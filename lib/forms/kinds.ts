import type { WriteBackTarget } from "./definition";

/** Closed sets of the forms area, shared by the schema's CHECK constraints and the code. */
export const FORM_REQUEST_STATUSES = ["pending", "signed", "cancelled"] as const;
export const SIGNATURE_METHODS = ["drawn", "typed"] as const;
export const FORM_SOURCES = ["portal", "kiosk"] as const;
export const PROPOSAL_STATUSES = ["pending", "accepted", "edited", "dismissed"] as const;

/**
 * Where a mapped answer goes on the record, in words: the editor's "copy the answer to" choice and
 * the therapist's review of proposals both read this one table (no server code here: the editor
 * runs in the browser).
 */
export const WRITE_BACK_TARGET_LABELS: Record<WriteBackTarget, string> = {
  "client.phone": "Phone",
  "client.email": "Email",
  "client.date_of_birth": "Date of birth",
  "client.emergency_contact_name": "Emergency contact name",
  "client.emergency_contact_phone": "Emergency contact phone",
  precautions: "Precautions (self-care safety screen)",
};
