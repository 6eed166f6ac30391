-- Audit trail that cannot be rewritten (issue 11 item 7).
-- 1. Every audit row is chained: hash = sha256(canonical content, which includes the previous
--    row's hash in the same chain). A chain is one clinic's events, or the "platform" chain
--    for events that belong to no clinic. scripts/audit-verify.ts recomputes it in Node.
-- 2. Appends to one chain are serialised by a row lock on its head in audit_chain_heads,
--    taken inside the inserting transaction, so concurrent events keep one gap-free order.
-- 3. UPDATE, DELETE and TRUNCATE are refused by triggers; in production the application
--    role also holds only INSERT and SELECT on these tables (scripts/db-least-privilege.sql).

-- Length-prefixed field: unambiguous boundaries, "~" for SQL NULL; octets, as Node counts them.
CREATE FUNCTION audit_field(v text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT CASE WHEN v IS NULL THEN '~' ELSE octet_length(v)::text || ':' || v END $$;
--> statement-breakpoint
CREATE FUNCTION audit_hash(
  k text, s bigint, id uuid, actor uuid, action text, entity_type text, entity_id uuid, client uuid,
  details jsonb, at timestamptz, request_id text, ip text, prev text
) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT encode(sha256(convert_to(
    audit_field(k) || audit_field(s::text) || audit_field(id::text) || audit_field(actor::text) ||
    audit_field(action) || audit_field(entity_type) || audit_field(entity_id::text) || audit_field(client::text) ||
    audit_field(details::text) || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')) ||
    audit_field(request_id) || audit_field(ip) || audit_field(prev), 'UTF8')), 'hex') $$;
--> statement-breakpoint
CREATE FUNCTION audit_chain_append() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
DECLARE
  k text;
  c uuid;
  s bigint;
  prev text;
BEGIN
  -- plpgsql prepares a branch only when it first runs, so NEW.clinic_id is never read on
  -- the platform table (which has no such column).
  IF TG_TABLE_NAME = 'audit_events' THEN
    k := NEW.clinic_id::text;
    c := NEW.client_id;
  ELSE
    k := 'platform';
    c := NULL;
  END IF;
  SELECT last_seq, last_hash INTO s, prev FROM audit_chain_heads WHERE chain_key = k FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_heads (chain_key, last_seq, last_hash) VALUES (k, 0, repeat('0', 64))
      ON CONFLICT (chain_key) DO NOTHING;
    SELECT last_seq, last_hash INTO s, prev FROM audit_chain_heads WHERE chain_key = k FOR UPDATE;
  END IF;
  NEW.seq := s + 1;
  NEW.prev_hash := prev;
  NEW.hash := audit_hash(k, NEW.seq, NEW.id, NEW.actor_user_id, NEW.action, NEW.entity_type, NEW.entity_id, c,
    NEW.details, NEW.at, NEW.request_id, NEW.ip, NEW.prev_hash);
  UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash WHERE chain_key = k;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE FUNCTION audit_refuse_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'the audit trail is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
-- Chain the events recorded before this migration, clinic by clinic in the order they happened
-- (before the triggers below exist, so these updates are allowed).
DO $$
DECLARE
  r record;
  k text;
  s bigint;
  prev text;
  h text;
BEGIN
  FOR r IN SELECT * FROM audit_events ORDER BY clinic_id, at, id LOOP
    IF k IS DISTINCT FROM r.clinic_id::text THEN
      k := r.clinic_id::text;
      s := 0;
      prev := repeat('0', 64);
    END IF;
    s := s + 1;
    h := audit_hash(k, s, r.id, r.actor_user_id, r.action, r.entity_type, r.entity_id, r.client_id, r.details, r.at,
      r.request_id, r.ip, prev);
    UPDATE audit_events SET seq = s, prev_hash = prev, hash = h WHERE clinic_id = r.clinic_id AND id = r.id;
    INSERT INTO audit_chain_heads (chain_key, last_seq, last_hash) VALUES (k, s, h)
      ON CONFLICT (chain_key) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash;
    prev := h;
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_clinic_seq_key" UNIQUE("clinic_id","seq");
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_chain BEFORE INSERT ON platform_audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_chain_append();
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_append_only BEFORE UPDATE OR DELETE ON platform_audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
CREATE TRIGGER platform_audit_events_no_truncate BEFORE TRUNCATE ON platform_audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
--> statement-breakpoint
-- The chain heads are bookkeeping of the trigger: nobody rewinds them by hand either.
CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
