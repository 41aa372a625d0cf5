-- The app's own database user cannot erase history (RELIABILITY #30, README "Database" and "Audit").
-- On a PostgreSQL server the migrations run as an owner role and the app as a role that owns nothing
-- (lib/db/roles.ts grants it what it needs). This migration adds the database's side of that:
--   - redaction of the audit log only through one SECURITY DEFINER function, owned by the owner, that
--     itself refuses a campaign not yet due for retention;
--   - the append-only trigger lets a redaction through only when it runs as the table's owner (inside that
--     function), never on a setting any session can set;
--   - INSERT and SELECT only, for every role but the owner, on the audit log and the signed-off payout
--     runs, and no writes at all on Prisma's migration history.
-- Under the embedded database (PGlite) there is one user, who owns everything; all of this still holds
-- for it except what its own ownership allows.

-- When a campaign's candidate data falls due (lib/retention/rules.ts retentionDueAt, the same rule):
-- the close of its last phase window plus retentionDays of 24 hours; NULL without phase windows.
CREATE FUNCTION "retention_due_at"(campaign text) RETURNS timestamptz AS $$
  SELECT max(w."closesAt") + c."retentionDays" * interval '24 hours'
    FROM "Campaign" c LEFT JOIN "PhaseWindow" w ON w."campaignId" = c."id"
   WHERE c."id" = campaign
   GROUP BY c."id", c."retentionDays";
$$ LANGUAGE sql STABLE;

-- The audit rows about a campaign's candidate-level entities whose before/after still holds data: the
-- ones a redaction blanks (and the retention preview counts).
CREATE FUNCTION "audit_rows_to_redact"(campaign text) RETURNS SETOF "AuditLog" AS $$
  SELECT a.* FROM "AuditLog" a
   WHERE (("entityType" = 'Candidate' AND "entityId" IN (SELECT "id" FROM "Candidate" WHERE "campaignId" = campaign))
       OR ("entityType" = 'ContactLog' AND "entityId" IN (SELECT "id" FROM "ContactLog" WHERE "campaignId" = campaign))
       OR ("entityType" = 'Escalation' AND "entityId" IN (SELECT "id" FROM "Escalation" WHERE "campaignId" = campaign))
       OR ("entityType" = 'WithdrawalRequest' AND "entityId" IN (SELECT "id" FROM "WithdrawalRequest" WHERE "campaignId" = campaign))
       OR ("entityType" = 'WithdrawalPhoto' AND "entityId" IN (
             SELECT p."id" FROM "WithdrawalPhoto" p JOIN "WithdrawalRequest" w ON w."id" = p."requestId"
              WHERE w."campaignId" = campaign))
       OR ("entityType" = 'ImportBatch' AND "entityId" IN (SELECT "id" FROM "ImportBatch" WHERE "campaignId" = campaign))
       OR ("entityType" = 'Inspection' AND "entityId" IN (SELECT "id" FROM "Inspection" WHERE "campaignId" = campaign)))
     AND ((a."before" IS NOT NULL AND a."before" <> '{"redacted": true}'::jsonb)
       OR (a."after" IS NOT NULL AND a."after" <> '{"redacted": true}'::jsonb));
$$ LANGUAGE sql STABLE;

-- The one way to blank audit rows: as the owner, for a campaign whose retention period has passed by the
-- database's own clock. Returns how many rows it blanked. The search path is fixed so that nothing the
-- caller creates can stand in for the tables it reads.
CREATE FUNCTION "audit_redact_campaign"(campaign text) RETURNS integer AS $$
DECLARE
  due timestamptz := "retention_due_at"(campaign);
  blanked integer;
BEGIN
  IF due IS NULL OR due > now() THEN
    RAISE EXCEPTION 'campaign % is not due for retention (due: %)', campaign, coalesce(due::text, 'never')
      USING ERRCODE = 'HF001';
  END IF;
  PERFORM set_config('huifang.redacting', 'on', true);
  UPDATE "AuditLog"
     SET "before" = CASE WHEN "before" IS NULL THEN NULL ELSE '{"redacted": true}'::jsonb END,
         "after" = CASE WHEN "after" IS NULL THEN NULL ELSE '{"redacted": true}'::jsonb END
   WHERE "id" IN (SELECT "id" FROM "audit_rows_to_redact"(campaign));
  GET DIAGNOSTICS blanked = ROW_COUNT;
  PERFORM set_config('huifang.redacting', 'off', true);
  RETURN blanked;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp;

-- The append-only trigger, as in audit_redaction, except that the flag counts only when the statement
-- runs as the audit log's owner: inside audit_redact_campaign. The app's role can set the flag, but an
-- UPDATE it sends is refused (and its grants refuse it before the trigger runs).
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('huifang.redacting', true) = 'on'
     AND current_user = (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = TG_RELID)
     AND NEW."id" = OLD."id"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."action" = OLD."action"
     AND NEW."entityType" = OLD."entityType"
     AND NEW."entityId" IS NOT DISTINCT FROM OLD."entityId"
     AND NEW."requestId" IS NOT DISTINCT FROM OLD."requestId"
     AND NEW."createdAt" = OLD."createdAt"
     AND (NEW."before" IS NULL OR NEW."before" = '{"redacted": true}'::jsonb)
     AND (NEW."after" IS NULL OR NEW."after" = '{"redacted": true}'::jsonb)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

-- Takes back from every role but the owner what would let it rewrite history. lib/db/roles.ts grants the
-- app's role its privileges (also by default privileges, for tables later migrations add) and then calls
-- this, so the exceptions are written here only.
CREATE FUNCTION "restrict_history_privileges"() RETURNS void AS $$
DECLARE
  grantee record;
BEGIN
  FOR grantee IN
    SELECT DISTINCT CASE WHEN g.grantee = 'PUBLIC' THEN 'PUBLIC' ELSE quote_ident(g.grantee) END AS role
      FROM information_schema.role_table_grants g
     WHERE g.table_schema = current_schema() AND g.table_name IN ('AuditLog', 'PayoutRun', '_prisma_migrations')
       AND g.grantee <> (SELECT r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = '"AuditLog"'::regclass)
  LOOP
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditLog", "PayoutRun" FROM %s', grantee.role);
    IF to_regclass('_prisma_migrations') IS NOT NULL THEN
      EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "_prisma_migrations" FROM %s', grantee.role);
    END IF;
  END LOOP;
END;
$$ LANGUAGE plpgsql;

REVOKE EXECUTE ON FUNCTION "restrict_history_privileges"() FROM PUBLIC;
SELECT "restrict_history_privileges"();
