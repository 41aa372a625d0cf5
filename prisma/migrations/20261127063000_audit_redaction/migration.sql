-- The audit log stays append-only, with one exception: the retention routine (lib/retention, README
-- "Retention") may blank the before/after of rows that hold a candidate's personal data once the
-- campaign's retention period has passed (PIPL art. 19 and 47). It may do so only
--   - inside a transaction that has set `SET LOCAL huifang.redacting = 'on'` (transaction-local, so it
--     cannot leak to a pooled connection),
--   - leaving every other column (id, actor, action, entity, request id, time) as it was,
--   - and writing nothing but NULL or {"redacted": true} into before/after: it can erase, never rewrite.
-- DELETE is refused as before.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('huifang.redacting', true) = 'on'
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
