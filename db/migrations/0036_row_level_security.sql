-- Row-level security as a second wall (issue 11 item 8).
-- Every clinic-owned table (db/schema/tenancy.ts: "clinic") shows, accepts and changes only the rows
-- of the clinic named by the transaction setting app.clinic_id; without the setting a query sees no
-- rows and can write none. The application sets it on every transaction through its clinic handle
-- (db/clinic-db.ts). The policy is FORCEd, so it binds the tables' owner as well; only superusers
-- and roles with BYPASSRLS (the platform role, scripts/db-least-privilege.sql) are exempt.
-- Queries still scope by clinic themselves (lib/auth/scopes.ts): this is the wall underneath.
-- nullif: once set in a session, an unset setting reads as '' rather than NULL.
-- A new clinic-owned table needs the same three statements (db/rls.test.ts checks the catalogue).
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "memberships_clinic_isolation" ON "memberships"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "staff_preferences" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "staff_preferences" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "staff_preferences_clinic_isolation" ON "staff_preferences"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clients" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clients" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clients_clinic_isolation" ON "clients"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "invitations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invitations_clinic_isolation" ON "invitations"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "audit_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "audit_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "audit_events_clinic_isolation" ON "audit_events"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clinic_muscles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clinic_muscles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clinic_muscles_clinic_isolation" ON "clinic_muscles"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "visits" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "visits" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "visits_clinic_isolation" ON "visits"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "trigger_points" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "trigger_points" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "trigger_points_clinic_isolation" ON "trigger_points"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "findings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "findings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "findings_clinic_isolation" ON "findings"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "visit_amendments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "visit_amendments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "visit_amendments_clinic_isolation" ON "visit_amendments"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "complaints" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "complaints" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "complaints_clinic_isolation" ON "complaints"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "visit_pain_scores" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "visit_pain_scores" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "visit_pain_scores_clinic_isolation" ON "visit_pain_scores"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "diary_entries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "diary_entries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "diary_entries_clinic_isolation" ON "diary_entries"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "attention_summaries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "attention_summaries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "attention_summaries_clinic_isolation" ON "attention_summaries"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "adherence_summaries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "adherence_summaries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "adherence_summaries_clinic_isolation" ON "adherence_summaries"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "questionnaire_assignments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "questionnaire_assignments_clinic_isolation" ON "questionnaire_assignments"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "questionnaire_responses" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "questionnaire_responses_clinic_isolation" ON "questionnaire_responses"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clinic_instrument_wordings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clinic_instrument_wordings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clinic_instrument_wordings_clinic_isolation" ON "clinic_instrument_wordings"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "check_ins" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "check_ins" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "check_ins_clinic_isolation" ON "check_ins"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "rooms" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "rooms" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "rooms_clinic_isolation" ON "rooms"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "appointment_types" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_types" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "appointment_types_clinic_isolation" ON "appointment_types"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "appointments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "appointments_clinic_isolation" ON "appointments"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "client_precautions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_precautions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_precautions_clinic_isolation" ON "client_precautions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "client_tools" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_tools" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_tools_clinic_isolation" ON "client_tools"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "therapist_hours" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "therapist_hours" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "therapist_hours_clinic_isolation" ON "therapist_hours"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "availability_exceptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "availability_exceptions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "availability_exceptions_clinic_isolation" ON "availability_exceptions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clinic_exercises" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clinic_exercises" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clinic_exercises_clinic_isolation" ON "clinic_exercises"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "clinic_exercise_images" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "clinic_exercise_images_clinic_isolation" ON "clinic_exercise_images"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "programmes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "programmes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "programmes_clinic_isolation" ON "programmes"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "programme_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "programme_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "programme_versions_clinic_isolation" ON "programme_versions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "programme_items" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "programme_items" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "programme_items_clinic_isolation" ON "programme_items"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "programme_completions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "programme_completions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "programme_completions_clinic_isolation" ON "programme_completions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "appointment_type_therapists" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_type_therapists" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "appointment_type_therapists_clinic_isolation" ON "appointment_type_therapists"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "appointment_series" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_series" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "appointment_series_clinic_isolation" ON "appointment_series"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "waitlist_entries" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "waitlist_entries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "waitlist_entries_clinic_isolation" ON "waitlist_entries"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "appointment_reminders" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "appointment_reminders" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "appointment_reminders_clinic_isolation" ON "appointment_reminders"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "calendar_feeds" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "calendar_feeds" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "calendar_feeds_clinic_isolation" ON "calendar_feeds"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "client_documents" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_documents" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_documents_clinic_isolation" ON "client_documents"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "booking_holds" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "booking_holds" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "booking_holds_clinic_isolation" ON "booking_holds"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "billing_settings" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_settings" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "billing_settings_clinic_isolation" ON "billing_settings"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "therapist_registrations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "therapist_registrations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "therapist_registrations_clinic_isolation" ON "therapist_registrations"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "tax_rates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "tax_rates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "tax_rates_clinic_isolation" ON "tax_rates"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "service_prices" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "service_prices" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "service_prices_clinic_isolation" ON "service_prices"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "products" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "products" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "products_clinic_isolation" ON "products"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "billing_counters" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "billing_counters" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "billing_counters_clinic_isolation" ON "billing_counters"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "invoices" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invoices" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invoices_clinic_isolation" ON "invoices"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "invoice_lines" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "invoice_lines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "invoice_lines_clinic_isolation" ON "invoice_lines"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "payments_clinic_isolation" ON "payments"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "allocations" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "allocations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "allocations_clinic_isolation" ON "allocations"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "package_plans" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "package_plans" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "package_plans_clinic_isolation" ON "package_plans"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "package_plan_types" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "package_plan_types" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "package_plan_types_clinic_isolation" ON "package_plan_types"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "client_packages" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_packages" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_packages_clinic_isolation" ON "client_packages"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "package_redemptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "package_redemptions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "package_redemptions_clinic_isolation" ON "package_redemptions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "form_templates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_templates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "form_templates_clinic_isolation" ON "form_templates"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "form_versions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_versions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "form_versions_clinic_isolation" ON "form_versions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "form_requests" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_requests" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "form_requests_clinic_isolation" ON "form_requests"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "form_submissions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_submissions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "form_submissions_clinic_isolation" ON "form_submissions"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "form_proposals" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "form_proposals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "form_proposals_clinic_isolation" ON "form_proposals"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE "client_emergency_contacts" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "client_emergency_contacts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY "client_emergency_contacts_clinic_isolation" ON "client_emergency_contacts"
  USING ("clinic_id" = nullif(current_setting('app.clinic_id', true), '')::uuid);

--> statement-breakpoint
-- Removing a person's roles in one clinic ends their sessions only when they have no live
-- membership in any clinic (lib/staff/remove-staff.ts): a question across clinics, which the
-- clinic's handle cannot see. This function answers it with its owner's rights (the owner is exempt
-- from the policies: a superuser, or BYPASSRLS as the README asks) and returns only a count.
CREATE FUNCTION live_membership_count(uid uuid) RETURNS integer
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT count(*)::int FROM memberships WHERE user_id = uid AND revoked_at IS NULL $$;
