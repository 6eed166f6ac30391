/** The clinic chosen in this browser. Not a secret: every request re-checks membership. */
export const CLINIC_COOKIE_NAME = "kw_clinic";
