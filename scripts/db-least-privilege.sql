-- A least-privilege database role for the Knotwork application in production (PostgreSQL).
--
-- Run as the role that OWNS the schema (the one migrations run as), after `npm run db:migrate`:
--   psql "$OWNER_DATABASE_URL" -v app_password="'<a long random password>'" -f scripts/db-least-privilege.sql
-- then start the app with DATABASE_URL=postgres://knotwork_app:<password>@host/db and
-- KNOTWORK_SKIP_MIGRATIONS=1 (migrations need the owner; the app role can create nothing).
--
-- What it may do: read and write the clinic's data; on the audit trail only INSERT and SELECT
-- (no UPDATE, DELETE or TRUNCATE: the triggers refuse them as well, and the app role could not
-- drop them since it owns nothing). The audit chain heads are written only by the chain trigger,
-- a SECURITY DEFINER function owned by the schema owner, so the role has no rights on them.
-- Re-run after every migration that adds tables (the default privileges below cover tables
-- the owner creates later, except for the audit tables' narrower rights, which are set here).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'knotwork_app') THEN
    CREATE ROLE knotwork_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
END $$;

\if :{?app_password}
ALTER ROLE knotwork_app PASSWORD :app_password;
\endif

GRANT CONNECT ON DATABASE :"DBNAME" TO knotwork_app;
GRANT USAGE ON SCHEMA public TO knotwork_app;
GRANT USAGE ON SCHEMA drizzle TO knotwork_app;
GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO knotwork_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO knotwork_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO knotwork_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO knotwork_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO knotwork_app;

-- The audit trail: append and read, nothing else.
REVOKE ALL ON audit_events, platform_audit_events, audit_chain_heads FROM knotwork_app;
GRANT SELECT, INSERT ON audit_events, platform_audit_events TO knotwork_app;
