-- Least privilege (issue 19). The web app works as the role claimbase_app, which may read and write
-- rows and nothing more: no DDL (it owns no table, so it can neither ALTER, DISABLE TRIGGER nor
-- DROP), no session_replication_role (superuser only), and on audit_events only SELECT and INSERT,
-- so the append-only trail cannot be edited or emptied by the app even with its own connection.
-- Migrations keep running as the tables' owner (MIGRATION_DATABASE_URL, else DATABASE_URL).
-- Roles belong to the whole cluster: the role is created once and each database grants to it. An
-- owner that may not create roles (some managed services) gets a notice and no grants here; the
-- README says how to create the role by hand, after which the next migration run grants.
-- The one maintenance step detection needs that only the owner may take: merging the rows a bulk load
-- left in the full-text index's pending list. The function runs as its owner and does nothing else.
CREATE FUNCTION "claimbase_clean_search_pending"() RETURNS bigint
    LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public
    AS $fn$ SELECT gin_clean_pending_list('public.claims_search_vector_idx'::regclass) $fn$;
REVOKE ALL ON FUNCTION "claimbase_clean_search_pending"() FROM PUBLIC;

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'claimbase_app') THEN
    BEGIN
      CREATE ROLE claimbase_app NOLOGIN;
    EXCEPTION
      -- Another database of this cluster created it at the same moment.
      WHEN duplicate_object OR unique_violation THEN NULL;
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'cannot create the role claimbase_app: %; create it by hand (README: Security)', SQLERRM;
        RETURN;
    END;
  END IF;
  EXECUTE 'GRANT USAGE ON SCHEMA public TO claimbase_app';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO claimbase_app';
  EXECUTE 'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO claimbase_app';
  -- Tables and sequences later migrations create, as this same owner.
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO claimbase_app';
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO claimbase_app';
  EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM claimbase_app';
  EXECUTE 'REVOKE ALL ON "_prisma_migrations" FROM claimbase_app';
  EXECUTE 'GRANT EXECUTE ON FUNCTION "claimbase_clean_search_pending"() TO claimbase_app';
END
$$;
