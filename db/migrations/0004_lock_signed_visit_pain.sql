-- Pain scores recorded at a visit are part of its signed record: the same lock as findings.
CREATE OR REPLACE FUNCTION knotwork_refuse_signed_visit_pain_change() RETURNS trigger AS $$
DECLARE
  row_clinic uuid;
  row_visit uuid;
BEGIN
  IF TG_OP = 'DELETE' THEN
    row_clinic := OLD.clinic_id; row_visit := OLD.visit_id;
  ELSE
    row_clinic := NEW.clinic_id; row_visit := NEW.visit_id;
  END IF;
  IF EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = row_clinic AND v.id = row_visit AND v.signed_at IS NOT NULL)
     OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM visits v WHERE v.clinic_id = OLD.clinic_id AND v.id = OLD.visit_id AND v.signed_at IS NOT NULL)) THEN
    RAISE EXCEPTION 'pain scores of signed visit % are locked', row_visit USING ERRCODE = '55000';
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER visit_pain_scores_lock_signed
  BEFORE INSERT OR UPDATE OR DELETE ON visit_pain_scores
  FOR EACH ROW EXECUTE FUNCTION knotwork_refuse_signed_visit_pain_change();
