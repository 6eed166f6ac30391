CREATE TABLE "adherence_summaries" (
	"clinic_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"generation" bigint DEFAULT 1 NOT NULL,
	"computed_on" date,
	"valid_until" date,
	"low" boolean DEFAULT false NOT NULL,
	"ratio" double precision,
	"client_name" text DEFAULT '' NOT NULL,
	"entry" jsonb,
	CONSTRAINT "adherence_summaries_clinic_id_client_id_pk" PRIMARY KEY("clinic_id","client_id")
);
--> statement-breakpoint
ALTER TABLE "adherence_summaries" ADD CONSTRAINT "adherence_summaries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adherence_summaries" ADD CONSTRAINT "adherence_summaries_clinic_id_client_id_clients_clinic_id_id_fk" FOREIGN KEY ("clinic_id","client_id") REFERENCES "public"."clients"("clinic_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adherence_summaries_valid_idx" ON "adherence_summaries" USING btree ("clinic_id","valid_until");--> statement-breakpoint
CREATE INDEX "adherence_summaries_computed_idx" ON "adherence_summaries" USING btree ("clinic_id","computed_on");--> statement-breakpoint
CREATE INDEX "adherence_summaries_low_idx" ON "adherence_summaries" USING btree ("clinic_id","ratio",lower("client_name"),"client_id") WHERE "adherence_summaries"."low";--> statement-breakpoint
-- Every write the low-adherence report reads marks the client's row stale (valid_until null) and moves its
-- generation, in the writer's transaction; a reader stores a result only while the generation it read holds.
-- Statement-level triggers with transition tables: one set-based upsert per statement.
CREATE FUNCTION adherence_mark_stale(p_keys jsonb) RETURNS void LANGUAGE sql AS $$
  INSERT INTO adherence_summaries (clinic_id, client_id)
    SELECT DISTINCT (k->>'c')::uuid, (k->>'k')::uuid FROM jsonb_array_elements(p_keys) k ORDER BY 1, 2
  ON CONFLICT (clinic_id, client_id)
    DO UPDATE SET valid_until = NULL, generation = adherence_summaries.generation + 1
$$;--> statement-breakpoint
-- programmes and programme_completions carry client_id themselves.
CREATE FUNCTION adherence_client_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, client_id FROM adherence_new) x;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT clinic_id, client_id FROM adherence_new UNION SELECT clinic_id, client_id FROM adherence_old) x;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('c', clinic_id, 'k', client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, client_id FROM adherence_old) x;
  END IF;
  IF keys IS NOT NULL THEN PERFORM adherence_mark_stale(keys); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER adherence_programmes_ins AFTER INSERT ON programmes REFERENCING NEW TABLE AS adherence_new
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_programmes_upd AFTER UPDATE ON programmes
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_programmes_del AFTER DELETE ON programmes REFERENCING OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_completions_ins AFTER INSERT ON programme_completions
  REFERENCING NEW TABLE AS adherence_new
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_completions_upd AFTER UPDATE ON programme_completions
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_completions_del AFTER DELETE ON programme_completions
  REFERENCING OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_client_rows_changed();--> statement-breakpoint
-- Versions and items name their programme; the programme names the client.
CREATE FUNCTION adherence_programme_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE keys jsonb;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(DISTINCT jsonb_build_object('c', p.clinic_id, 'k', p.client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, programme_id FROM adherence_new) x
      JOIN programmes p ON p.clinic_id = x.clinic_id AND p.id = x.programme_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT jsonb_agg(DISTINCT jsonb_build_object('c', p.clinic_id, 'k', p.client_id)) INTO keys
      FROM (SELECT clinic_id, programme_id FROM adherence_new UNION SELECT clinic_id, programme_id FROM adherence_old) x
      JOIN programmes p ON p.clinic_id = x.clinic_id AND p.id = x.programme_id;
  ELSE
    SELECT jsonb_agg(DISTINCT jsonb_build_object('c', p.clinic_id, 'k', p.client_id)) INTO keys
      FROM (SELECT DISTINCT clinic_id, programme_id FROM adherence_old) x
      JOIN programmes p ON p.clinic_id = x.clinic_id AND p.id = x.programme_id;
  END IF;
  IF keys IS NOT NULL THEN PERFORM adherence_mark_stale(keys); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER adherence_versions_ins AFTER INSERT ON programme_versions REFERENCING NEW TABLE AS adherence_new
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_versions_upd AFTER UPDATE ON programme_versions
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_versions_del AFTER DELETE ON programme_versions REFERENCING OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_items_ins AFTER INSERT ON programme_items REFERENCING NEW TABLE AS adherence_new
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_items_upd AFTER UPDATE ON programme_items
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
CREATE TRIGGER adherence_items_del AFTER DELETE ON programme_items REFERENCING OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_programme_rows_changed();--> statement-breakpoint
-- Archiving hides a client from the list; the name is shown in it.
CREATE FUNCTION adherence_clients_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE adherence_summaries s SET valid_until = NULL, generation = s.generation + 1
    FROM adherence_new n JOIN adherence_old o ON o.clinic_id = n.clinic_id AND o.id = n.id
    WHERE s.clinic_id = n.clinic_id AND s.client_id = n.id
      AND (n.archived_at IS DISTINCT FROM o.archived_at OR n.first_name IS DISTINCT FROM o.first_name
        OR n.last_name IS DISTINCT FROM o.last_name OR n.preferred_name IS DISTINCT FROM o.preferred_name);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER adherence_clients_upd AFTER UPDATE ON clients
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_clients_changed();--> statement-breakpoint
-- The clinic's time zone decides the week; its threshold decides who is low.
CREATE FUNCTION adherence_clinics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE adherence_summaries s SET valid_until = NULL, generation = s.generation + 1
    FROM adherence_new n JOIN adherence_old o ON o.id = n.id
    WHERE s.clinic_id = n.id AND (n.timezone IS DISTINCT FROM o.timezone
      OR n.adherence_threshold_pct IS DISTINCT FROM o.adherence_threshold_pct);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER adherence_clinics_upd AFTER UPDATE ON clinics
  REFERENCING NEW TABLE AS adherence_new OLD TABLE AS adherence_old
  FOR EACH STATEMENT EXECUTE FUNCTION adherence_clinics_changed();--> statement-breakpoint
-- Existing clients with programmes start stale: the first dashboard read of a clinic computes them.
INSERT INTO adherence_summaries (clinic_id, client_id) SELECT DISTINCT clinic_id, client_id FROM programmes;
