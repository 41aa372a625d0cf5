-- A campaign's data falls due after the clean-up period too (lib/retention/rules.ts retentionDueAt, the same
-- rule): the strike team and the leaders still log contacts for `cleanupDays` (workflow policy, default 7)
-- after the last window closes, so nothing is anonymised, and no audit row blanked, before that period
-- and the retention period after it have passed. A value missing from the stored policy counts as 7, as
-- workflowPolicyOf reads it.
CREATE OR REPLACE FUNCTION "retention_due_at"(campaign text) RETURNS timestamptz AS $$
  SELECT max(w."closesAt")
         + (CASE WHEN jsonb_typeof(c."workflowPolicy" -> 'cleanupDays') = 'number'
                 THEN (c."workflowPolicy" ->> 'cleanupDays')::int ELSE 7 END
            + c."retentionDays") * interval '24 hours'
    FROM "Campaign" c LEFT JOIN "PhaseWindow" w ON w."campaignId" = c."id"
   WHERE c."id" = campaign
   GROUP BY c."id", c."retentionDays", c."workflowPolicy";
$$ LANGUAGE sql STABLE;
