-- What the payouts count of each caller's candidates, kept like the dashboard tallies (README "Dashboards"):
-- the candidates credited to the caller (README "Fair attribution"), and the admitted ones the caller holds
-- for another's credit. The payout projection reads it instead of counting the campaign's candidates.
CREATE TABLE "CreditTally" (
    "campaignId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "admitted" INTEGER NOT NULL DEFAULT 0,
    "enrolled" INTEGER NOT NULL DEFAULT 0,
    "claimedEnrolled" INTEGER NOT NULL DEFAULT 0,
    "declined" INTEGER NOT NULL DEFAULT 0,
    "creditMovedAway" INTEGER NOT NULL DEFAULT 0,
    "creditHeldForOthers" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CreditTally_pkey" PRIMARY KEY ("campaignId", "callerId")
);

CREATE FUNCTION "credit_tally_apply"(olds "Candidate"[], news "Candidate"[]) RETURNS void AS $$
BEGIN
  WITH unchanged AS (
    SELECT n.id FROM unnest(news) n JOIN unnest(olds) o ON o.id = n.id
    WHERE (o."campaignId", o."creditCallerId", o."assignedCallerId", o.admitted, o.enrollment, o."enrollmentRecord",
           o.decline)
          IS NOT DISTINCT FROM
          (n."campaignId", n."creditCallerId", n."assignedCallerId", n.admitted, n.enrollment, n."enrollmentRecord",
           n.decline)
  ), moved AS (
    SELECT o.*, -1 AS sign FROM unnest(olds) o WHERE o.id NOT IN (SELECT id FROM unchanged)
    UNION ALL
    SELECT n.*, 1 AS sign FROM unnest(news) n WHERE n.id NOT IN (SELECT id FROM unchanged)
  ), counts AS (
    -- each candidate for the caller credited with them
    SELECT m."campaignId", m."creditCallerId" AS "callerId",
           m.sign AS assigned,
           m.sign * m.admitted::int AS admitted,
           m.sign * (m.admitted AND m."enrollmentRecord" IS NOT NULL)::int AS enrolled,
           m.sign * (m.admitted AND m.enrollment = 'ENROLLED')::int AS "claimedEnrolled",
           m.sign * (m.admitted AND m.decline = 'APPROVED')::int AS declined,
           m.sign * (m.admitted AND m."assignedCallerId" IS DISTINCT FROM m."creditCallerId")::int AS "creditMovedAway",
           0 AS "creditHeldForOthers"
    FROM moved m WHERE m."creditCallerId" IS NOT NULL
    UNION ALL
    -- an admitted candidate held for another caller's credit, for the one who holds them
    SELECT m."campaignId", m."assignedCallerId", 0, 0, 0, 0, 0, 0, m.sign
    FROM moved m
    WHERE m.admitted AND m."assignedCallerId" IS NOT NULL AND m."creditCallerId" IS DISTINCT FROM m."assignedCallerId"
  )
  INSERT INTO "CreditTally" AS t
    ("campaignId", "callerId", assigned, admitted, enrolled, "claimedEnrolled", declined, "creditMovedAway",
     "creditHeldForOthers")
  SELECT "campaignId", "callerId", sum(assigned), sum(admitted), sum(enrolled), sum("claimedEnrolled"),
         sum(declined), sum("creditMovedAway"), sum("creditHeldForOthers")
  FROM counts
  GROUP BY 1, 2
  ON CONFLICT ("campaignId", "callerId") DO UPDATE SET
    assigned = t.assigned + EXCLUDED.assigned,
    admitted = t.admitted + EXCLUDED.admitted,
    enrolled = t.enrolled + EXCLUDED.enrolled,
    "claimedEnrolled" = t."claimedEnrolled" + EXCLUDED."claimedEnrolled",
    declined = t.declined + EXCLUDED.declined,
    "creditMovedAway" = t."creditMovedAway" + EXCLUDED."creditMovedAway",
    "creditHeldForOthers" = t."creditHeldForOthers" + EXCLUDED."creditHeldForOthers";
END
$$ LANGUAGE plpgsql;

-- The candidates' statement trigger keeps both tallies from one copy of the statement's rows.
CREATE OR REPLACE FUNCTION "dashboard_candidate_tally_statement"() RETURNS trigger AS $$
DECLARE
  olds "Candidate"[] := '{}';
  news "Candidate"[] := '{}';
BEGIN
  IF TG_OP <> 'INSERT' THEN olds := ARRAY(SELECT o::"Candidate" FROM old_rows o); END IF;
  IF TG_OP <> 'DELETE' THEN news := ARRAY(SELECT n::"Candidate" FROM new_rows n); END IF;
  PERFORM "dashboard_candidate_apply"(olds, news);
  PERFORM "credit_tally_apply"(olds, news);
  IF TG_OP = 'DELETE' THEN
    -- a deleted candidate leaves no counter behind (its contacts go with it)
    DELETE FROM "CandidateReach" WHERE "candidateId" IN (SELECT id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION "dashboard_rebuild_credit_tally"(campaign text) RETURNS void AS $$
BEGIN
  DELETE FROM "CreditTally" WHERE "campaignId" = campaign;
  PERFORM "credit_tally_apply"('{}', ARRAY(SELECT c FROM "Candidate" c WHERE c."campaignId" = campaign));
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "dashboard_rebuild_tallies"(campaign text) RETURNS void AS $$
BEGIN
  PERFORM "dashboard_rebuild_contact_tallies"(campaign);
  PERFORM "dashboard_rebuild_candidate_tally"(campaign);
  PERFORM "dashboard_rebuild_credit_tally"(campaign);
  PERFORM "money_moved"(campaign);
END
$$ LANGUAGE plpgsql;

-- Existing campaigns start with the right counts.
SELECT "dashboard_rebuild_credit_tally"(id) FROM "Campaign";
