/** Closed sets of client documents, shared by the schema's CHECK constraints and the forms. */
export const DOCUMENT_KINDS = ["posture_photo", "referral_letter", "imaging_report", "other"] as const;
export const PHOTO_VIEWS = ["front", "back", "left", "right"] as const;
/** What is stored: HEIC arrives too but is kept as the JPEG it is converted to. */
export const STORED_DOCUMENT_TYPES = ["application/pdf", "image/jpeg", "image/png", "image/webp"] as const;
