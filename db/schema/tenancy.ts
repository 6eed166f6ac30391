/**
 * The one place that classifies every table. The schema test reads this list and
 * fails when a clinic-owned table lacks clinic_id, or when one of its keys or
 * foreign keys to another clinic-owned table leaves clinic_id out.
 */
export const tableTenancy = {
  clinics: "global",
  users: "global",
  memberships: "clinic",
  staff_preferences: "clinic",
  login_attempts: "global",
  password_resets: "global",
  sessions: "global",
  rate_limits: "global",
  // Two-factor belongs to the login, which spans clinics.
  user_totp: "global",
  user_recovery_codes: "global",
  two_factor_attempts: "global",
  clients: "clinic",
  invitations: "clinic",
  audit_events: "clinic",
  // Events that belong to no clinic (failed sign-ins for unknown addresses), on their own chain.
  platform_audit_events: "global",
  // One row per audit chain (a clinic id or "platform"); written only by the chain trigger.
  audit_chain_heads: "global",
  // Optional clinic: password-reset mail belongs to no clinic. Admin reads filter by clinic_id.
  email_outbox: "global",
  // Optional clinic: platform jobs (schedules, password-reset mail) belong to no clinic.
  // The dead-letter list filters by clinic_id; platform jobs are never shown to clinic admins.
  jobs: "global",
  // One row per recurring schedule (and clinic, for per-clinic ones): the next tick to run.
  job_schedules: "global",
  muscles: "reference",
  smr_exercises: "reference",
  regions: "reference",
  clinic_muscles: "clinic",
  visits: "clinic",
  trigger_points: "clinic",
  findings: "clinic",
  visit_amendments: "clinic",
  complaints: "clinic",
  visit_pain_scores: "clinic",
  diary_entries: "clinic",
  questionnaire_assignments: "clinic",
  questionnaire_responses: "clinic",
  clinic_instrument_wordings: "clinic",
  check_ins: "clinic",
  rooms: "clinic",
  appointment_types: "clinic",
  appointments: "clinic",
  client_precautions: "clinic",
  client_tools: "clinic",
  therapist_hours: "clinic",
  availability_exceptions: "clinic",
  clinic_exercises: "clinic",
  clinic_exercise_images: "clinic",
  programmes: "clinic",
  programme_versions: "clinic",
  programme_items: "clinic",
  programme_completions: "clinic",
  appointment_type_therapists: "clinic",
  appointment_series: "clinic",
  waitlist_entries: "clinic",
  appointment_reminders: "clinic",
  calendar_feeds: "clinic",
  client_documents: "clinic",
  booking_holds: "clinic",
  billing_settings: "clinic",
  therapist_registrations: "clinic",
  tax_rates: "clinic",
  service_prices: "clinic",
  products: "clinic",
  billing_counters: "clinic",
  invoices: "clinic",
  invoice_lines: "clinic",
  payments: "clinic",
  allocations: "clinic",
} as const satisfies Record<string, "clinic" | "reference" | "global">;

export type TableName = keyof typeof tableTenancy;
