-- AlterTable
ALTER TABLE "Assignment" ALTER COLUMN "cause" SET DEFAULT 'LIST';


-- A candidate counts from the start for whoever it is given to (README "Fair attribution"): whatever
-- writes a new candidate (a list import, the demo), the credit cannot be forgotten. Later changes of
-- hands go through lib/assignment/move.ts, which applies the rest of the rule.
CREATE FUNCTION "candidate_credit_on_insert"() RETURNS trigger AS $$
BEGIN
  IF NEW."creditCallerId" IS NULL THEN
    NEW."creditCallerId" := NEW."assignedCallerId";
  END IF;
  RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Candidate_credit_on_insert"
  BEFORE INSERT ON "Candidate"
  FOR EACH ROW EXECUTE FUNCTION "candidate_credit_on_insert"();

-- The rebuild counts confirmed enrollment too (the statement trigger keeps it since the migration before).
CREATE OR REPLACE FUNCTION "dashboard_rebuild_candidate_tally"(campaign text) RETURNS void AS $$
BEGIN
  DELETE FROM "CandidateReach" r USING "Candidate" c WHERE c.id = r."candidateId" AND c."campaignId" = campaign;
  INSERT INTO "CandidateReach" ("candidateId", contacts)
  SELECT l."candidateId", count(*) FROM "ContactLog" l
  WHERE l."campaignId" = campaign AND "dashboard_reaching"(l.outcome)
  GROUP BY l."candidateId";
  DELETE FROM "CandidateTally" WHERE "campaignId" = campaign;
  INSERT INTO "CandidateTally"
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, confirmed,
     "neverContacted", reached)
  SELECT campaign, coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''),
         count(*),
         count(*) FILTER (WHERE c.intent = 'FIRST_CHOICE'),
         count(*) FILTER (WHERE c.admitted),
         count(*) FILTER (WHERE c.admitted AND c.paid),
         count(*) FILTER (WHERE c.admitted AND c.enrollment = 'ENROLLED'),
         count(*) FILTER (WHERE c.admitted AND c."enrollmentRecord" IS NOT NULL),
         count(*) FILTER (WHERE c."lastContactAt" IS NULL),
         count(r."candidateId")
  FROM "Candidate" c LEFT JOIN "CandidateReach" r ON r."candidateId" = c.id AND r.contacts > 0
  WHERE c."campaignId" = campaign
  GROUP BY 2, 3;
END
$$ LANGUAGE plpgsql;
