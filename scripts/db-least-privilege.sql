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
--
-- Row-level security (migration 0036): knotwork_app is NOBYPASSRLS and owns nothing, so on every
-- clinic-owned table it sees and writes only the rows of the clinic its transaction names in
-- app.clinic_id (the app's clinic handle, db/clinic-db.ts, sets it), and nothing without it.
-- Platform work (sign-in before a clinic is known, public booking by slug, the job worker, the
-- platform operator's commands) belongs to no one clinic: it connects as knotwork_platform, which
-- has the same table rights plus BYPASSRLS. Give the app both URLs:
--   DATABASE_URL=postgres://knotwork_app:…  DATABASE_PLATFORM_URL=postgres://knotwork_platform:…
-- Only a superuser may create a BYPASSRLS role: have one create it first
--   CREATE ROLE knotwork_platform LOGIN BYPASSRLS PASSWORD '…';
-- (or run this script as a superuser); without it the script sets up knotwork_app only.
-- The policies are FORCEd, so they bind the schema owner too: migrations that move data and
-- `npm run db:seed` need an owner with BYPASSRLS (ALTER ROLE <owner> BYPASSRLS, as a superuser).

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'knotwork_app') THEN
    CREATE ROLE knotwork_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
END $$;

\if :{?app_password}
ALTER ROLE knotwork_app PASSWORD :app_password;
\endif

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'knotwork_platform') THEN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
      CREATE ROLE knotwork_platform LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT BYPASSRLS;
    ELSE
      RAISE WARNING 'knotwork_platform not created: only a superuser may create a BYPASSRLS role';
    END IF;
  END IF;
END $$;
SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'knotwork_platform') AS has_platform \gset

\if :{?platform_password}
\if :has_platform
ALTER ROLE knotwork_platform PASSWORD :platform_password;
\endif
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

-- The platform role: the same rights, past row-level security (BYPASSRLS).
\if :has_platform
GRANT CONNECT ON DATABASE :"DBNAME" TO knotwork_platform;
GRANT USAGE ON SCHEMA public TO knotwork_platform;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO knotwork_platform;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO knotwork_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO knotwork_platform;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO knotwork_platform;
REVOKE ALL ON audit_events, platform_audit_events, audit_chain_heads FROM knotwork_platform;
GRANT SELECT, INSERT ON audit_events, platform_audit_events TO knotwork_platform;
\endif
