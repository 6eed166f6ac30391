-- A signed visit is a legal record: the database itself refuses to change it or its
-- findings. Signing (setting signed_at on an unsigned row) is the last permitted update;
-- corrections go to visit_amendments. SQLSTATE 55000 (object_not_in_prerequisite_state)
-- lets the app answer 409 with a clear message.
CREATE OR REPLACE FUNCTION knotwork_refuse_signed_visit_change() RETURNS trigger AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'visit % is signed and locked', OLD.id USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER visits_lock_signed
  BEFORE UPDATE OR DELETE ON visits
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_signed_visit_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION knotwork_refuse_signed_finding_change() RETURNS trigger AS $$
DECLARE
  row_clinic uuid;
  row_visit uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_clinic := OLD.clinic_id; row_visit := OLD.visit_id;
  ELSE
    row_clinic := NEW.clinic_id; row_visit := NEW.visit_id;
  END IF;
  IF EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = row_clinic AND v.id = row_visit AND v.signed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'findings of signed visit % are locked', row_visit USING ERRCODE = '55000';
  END IF;
  -- Moving a finding to another visit would dodge the check on the old one.
  IF TG_OP = 'UPDATE' AND (OLD.visit_id <> NEW.visit_id OR OLD.clinic_id <> NEW.clinic_id) THEN
    IF EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = OLD.clinic_id AND v.id = OLD.visit_id AND v.signed_at IS NOT NULL) THEN
      RAISE EXCEPTION 'findings of signed visit % are locked', OLD.visit_id USING ERRCODE = '55000';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER findings_lock_signed
  BEFORE INSERT OR UPDATE OR DELETE ON findings
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_signed_finding_change();
--> statement-breakpoint
-- Amendments are append-only.
CREATE OR REPLACE FUNCTION knotwork_refuse_amendment_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'amendments cannot be changed or removed' USING ERRCODE = '55000';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER visit_amendments_append_only
  BEFORE UPDATE OR DELETE ON visit_amendments
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_amendment_change();
