CREATE TABLE "attention_summaries" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"generation" bigint DEFAULT 1 NOT NULL,
	"computed_on" date,
	"valid_until" date,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason_count" integer DEFAULT 0 NOT NULL,
	"latest_on" date,
	CONSTRAINT "attention_summaries_clinic_id_client_id_pk" PRIMARY KEY("clinic_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "attention_summaries" ADD CONSTRAINT "attention_summaries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attention_summaries" ADD CONSTRAINT "attention_summaries_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attention_summaries_valid_idx" ON "attention_summaries" USING btree ("clinic_id","valid_until");--> statement-breakpoint
CREATE INDEX "attention_summaries_computed_idx" ON "attention_summaries" USING btree ("clinic_id","computed_on");--> statement-breakpoint
CREATE INDEX "attention_summaries_flagged_idx" ON "attention_summaries" USING btree ("clinic_id","latest_on" DESC NULLS LAST,"client_id") WHERE "attention_summaries"."reason_count" > 0;--> statement-breakpoint
CREATE INDEX "programme_completions_unreviewed_adverse_idx" ON "programme_completions" USING btree ("clinic_id","completed_at") WHERE "programme_completions"."adverse" and "programme_completions"."reviewed_at" is null;--> statement-breakpoint
-- Every write the "needs attention" rules read marks the client's summary stale (valid_until null) and moves its
-- generation, in the writer's own transaction, so a reader never keeps reasons computed from data older than the
-- last change (it stores its result only while the generation it read is unchanged). Statement-level triggers with transition
-- tables: one set-based upsert per statement, so bulk writes (imports, the bench generator) stay cheap.
CREATE FUNCTION attention_mark_stale(p_keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO attention_summaries (clinic_id, client_id)
    SELECT DISTINCT (k->>'c')::uuid, (k->>'k')::uuid FROM jsonb_array_elements(p_keys) k ORDER BY 1, 2
  ON CONFLICT (clinic_id, client_id)
    DO UPDATE SET valid_until = NULL, generation = attention_summaries.generation + 1
$$;--> statement-breakpoint
-- complaints and diary_entries carry client_id themselves.
CREATE FUNCTION attention_client_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, client_id FROM attention_new) x;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT clinic_id, client_id FROM attention_new UNION SELECT clinic_id, client_id FROM attention_old) x;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, client_id FROM attention_old) x;
  END IF;
  IF keys IS NOT NULL THEN PERFORM attention_mark_stale(keys); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attention_complaints_ins AFTER INSERT ON complaints REFERENCING NEW TABLE AS attention_new
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER attention_complaints_upd AFTER UPDATE ON complaints
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER attention_complaints_del AFTER DELETE ON complaints REFERENCING OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER attention_diary_ins AFTER INSERT ON diary_entries REFERENCING NEW TABLE AS attention_new
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER attention_diary_upd AFTER UPDATE ON diary_entries
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER attention_diary_del AFTER DELETE ON diary_entries REFERENCING OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_client_rows_changed();--> statement-breakpoint
-- Pain scores name their visit; the visit names the client.
CREATE FUNCTION attention_pain_scores_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(DISTINCT jsonb_build_object('c', v.clinic_id, 'k', v.client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, visit_id FROM attention_new) s
      JOIN visits v ON v.clinic_id = s.clinic_id AND v.id = s.visit_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('c', v.clinic_id, 'k', v.client_id)) INTO keys
      FROM (SELECT clinic_id, visit_id FROM attention_new UNION SELECT clinic_id, visit_id FROM attention_old) s
      JOIN visits v ON v.clinic_id = s.clinic_id AND v.id = s.visit_id;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('c', v.clinic_id, 'k', v.client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, visit_id FROM attention_old) s
      JOIN visits v ON v.clinic_id = s.clinic_id AND v.id = s.visit_id;
  END IF;
  IF keys IS NOT NULL THEN PERFORM attention_mark_stale(keys); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attention_pain_scores_ins AFTER INSERT ON visit_pain_scores REFERENCING NEW TABLE AS attention_new
  FOR EACH STATEMENT EXECUTE FUNCTION attention_pain_scores_changed();--> statement-breakpoint
CREATE TRIGGER attention_pain_scores_upd AFTER UPDATE ON visit_pain_scores
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_pain_scores_changed();--> statement-breakpoint
CREATE TRIGGER attention_pain_scores_del AFTER DELETE ON visit_pain_scores REFERENCING OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_pain_scores_changed();--> statement-breakpoint
-- A visit's date decides the day of its scores; notes are saved often and change nothing here.
CREATE FUNCTION attention_visits_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  SELECT jsonb_agg(jsonb_build_object('c', n.clinic_id, 'k', n.client_id)) INTO keys
    FROM attention_new n JOIN attention_old o ON o.clinic_id = n.clinic_id AND o.id = n.id
    WHERE n.started_at IS DISTINCT FROM o.started_at OR n.client_id IS DISTINCT FROM o.client_id;
  IF keys IS NOT NULL THEN PERFORM attention_mark_stale(keys); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attention_visits_upd AFTER UPDATE ON visits
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_visits_changed();--> statement-breakpoint
-- Archiving hides a client from the list; the name is shown in it.
CREATE FUNCTION attention_clients_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attention_summaries s SET valid_until = NULL, generation = s.generation + 1
    FROM attention_new n JOIN attention_old o ON o.clinic_id = n.clinic_id AND o.id = n.id
    WHERE s.clinic_id = n.clinic_id AND s.client_id = n.id
      AND (n.archived_at IS DISTINCT FROM o.archived_at OR n.first_name IS DISTINCT FROM o.first_name
        OR n.last_name IS DISTINCT FROM o.last_name OR n.preferred_name IS DISTINCT FROM o.preferred_name);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attention_clients_upd AFTER UPDATE ON clients
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_clients_changed();--> statement-breakpoint
-- The clinic's time zone decides every reading's calendar day.
CREATE FUNCTION attention_clinics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE attention_summaries s SET valid_until = NULL, generation = s.generation + 1
    FROM attention_new n JOIN attention_old o ON o.id = n.id
    WHERE s.clinic_id = n.id AND n.timezone IS DISTINCT FROM o.timezone;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER attention_clinics_upd AFTER UPDATE ON clinics
  REFERENCING NEW TABLE AS attention_new OLD TABLE AS attention_old
  FOR EACH STATEMENT EXECUTE FUNCTION attention_clinics_changed();--> statement-breakpoint
-- Existing clients with complaints start stale: the first dashboard read of a clinic computes them.
INSERT INTO attention_summaries (clinic_id, client_id) SELECT DISTINCT clinic_id, client_id FROM complaints;
