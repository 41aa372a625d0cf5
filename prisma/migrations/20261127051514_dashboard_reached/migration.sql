-- AlterTable
ALTER TABLE "CandidateTally" ADD COLUMN     "reached" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CandidateReach" (
    "candidateId" TEXT NOT NULL,
    "contacts" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CandidateReach_pkey" PRIMARY KEY ("candidateId")
);


-- "reached" (联系上): the candidate has at least one contact whose result is not unreachable. Each
-- candidate's reaching contacts are counted in CandidateReach (a per-row counter is exact whatever the
-- order in which a multi-row statement fires its row triggers); the candidate counts as reached, in the
-- tally row of their current group and caller, while that count is above 0.
CREATE FUNCTION "dashboard_reaching"(outcome text) RETURNS boolean AS $$
  SELECT outcome NOT LIKE 'UNREACHABLE%'
$$ LANGUAGE sql IMMUTABLE;

CREATE OR REPLACE FUNCTION "dashboard_candidate_add"(c "Candidate", sign integer) RETURNS void AS $$
BEGIN
  INSERT INTO "CandidateTally" AS t
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, "neverContacted", reached)
  VALUES (
    c."campaignId", coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''),
    sign,
    sign * (c.intent IS NOT DISTINCT FROM 'FIRST_CHOICE')::int,
    sign * c.admitted::int,
    sign * (c.admitted AND c.paid)::int,
    sign * (c.admitted AND c.enrollment = 'ENROLLED')::int,
    sign * (c."lastContactAt" IS NULL)::int,
    sign * coalesce((SELECT r.contacts > 0 FROM "CandidateReach" r WHERE r."candidateId" = c.id), false)::int)
  ON CONFLICT ("campaignId", "groupId", "callerId") DO UPDATE SET
    assigned = t.assigned + EXCLUDED.assigned,
    "firstChoice" = t."firstChoice" + EXCLUDED."firstChoice",
    admitted = t.admitted + EXCLUDED.admitted,
    paid = t.paid + EXCLUDED.paid,
    enrolled = t.enrolled + EXCLUDED.enrolled,
    "neverContacted" = t."neverContacted" + EXCLUDED."neverContacted",
    reached = t.reached + EXCLUDED.reached;
  IF c.admitted THEN
    INSERT INTO "GroupDayTally" AS d ("campaignId", "groupId", day, "admittedDelta", "enrolledDelta")
    VALUES (c."campaignId", coalesce(c."groupId", ''), "dashboard_beijing_day"(now()),
            sign, sign * (c.enrollment = 'ENROLLED')::int)
    ON CONFLICT ("campaignId", "groupId", day) DO UPDATE SET
      "admittedDelta" = d."admittedDelta" + EXCLUDED."admittedDelta",
      "enrolledDelta" = d."enrolledDelta" + EXCLUDED."enrolledDelta";
  END IF;
END
$$ LANGUAGE plpgsql;

-- A deleted candidate leaves no counter behind (its contacts go with it, after this trigger has run).
CREATE OR REPLACE FUNCTION "dashboard_candidate_tally"() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "dashboard_candidate_add"(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM "dashboard_candidate_add"(NEW, 1); END IF;
  IF TG_OP = 'DELETE' THEN DELETE FROM "CandidateReach" WHERE "candidateId" = OLD.id; END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- One reaching contact of `candidate` added (sign +1) or taken away (-1); the tally moves when the
-- candidate's count crosses 0. Nothing to do for a candidate deleted with its contacts.
CREATE FUNCTION "dashboard_reach_add"(candidate text, sign integer) RETURNS void AS $$
DECLARE
  c "Candidate";
  now_count integer;
BEGIN
  SELECT * INTO c FROM "Candidate" WHERE id = candidate;
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO "CandidateReach" AS r ("candidateId", contacts) VALUES (candidate, sign)
  ON CONFLICT ("candidateId") DO UPDATE SET contacts = r.contacts + EXCLUDED.contacts
  RETURNING contacts INTO now_count;
  IF (sign = 1 AND now_count = 1) OR (sign = -1 AND now_count = 0) THEN
    INSERT INTO "CandidateTally" AS t ("campaignId", "groupId", "callerId", reached)
    VALUES (c."campaignId", coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''), sign)
    ON CONFLICT ("campaignId", "groupId", "callerId") DO UPDATE SET reached = t.reached + EXCLUDED.reached;
  END IF;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "dashboard_contact_tally"() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    PERFORM "dashboard_contact_add"(OLD, -1);
    IF "dashboard_reaching"(OLD.outcome) THEN PERFORM "dashboard_reach_add"(OLD."candidateId", -1); END IF;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM "dashboard_contact_add"(NEW, 1);
    IF "dashboard_reaching"(NEW.outcome) THEN PERFORM "dashboard_reach_add"(NEW."candidateId", 1); END IF;
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER "ContactLog_dashboard_tally_update" ON "ContactLog";
CREATE TRIGGER "ContactLog_dashboard_tally_update"
  AFTER UPDATE ON "ContactLog"
  FOR EACH ROW
  WHEN ((OLD."campaignId", OLD."callerId", OLD."candidateId", OLD.channel, OLD."startedAt", OLD."durationSeconds",
         OLD.outcome)
        IS DISTINCT FROM
        (NEW."campaignId", NEW."callerId", NEW."candidateId", NEW.channel, NEW."startedAt", NEW."durationSeconds",
         NEW.outcome))
  EXECUTE FUNCTION "dashboard_contact_tally"();

-- Rebuilds the reach counters and the candidate tally (with "reached") of one campaign.
CREATE FUNCTION "dashboard_rebuild_candidate_tally"(campaign text) RETURNS void AS $$
BEGIN
  DELETE FROM "CandidateReach" r USING "Candidate" c WHERE c.id = r."candidateId" AND c."campaignId" = campaign;
  INSERT INTO "CandidateReach" ("candidateId", contacts)
  SELECT l."candidateId", count(*) FROM "ContactLog" l
  WHERE l."campaignId" = campaign AND "dashboard_reaching"(l.outcome)
  GROUP BY l."candidateId";
  DELETE FROM "CandidateTally" WHERE "campaignId" = campaign;
  INSERT INTO "CandidateTally"
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, "neverContacted", reached)
  SELECT campaign, coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''),
         count(*),
         count(*) FILTER (WHERE c.intent = 'FIRST_CHOICE'),
         count(*) FILTER (WHERE c.admitted),
         count(*) FILTER (WHERE c.admitted AND c.paid),
         count(*) FILTER (WHERE c.admitted AND c.enrollment = 'ENROLLED'),
         count(*) FILTER (WHERE c."lastContactAt" IS NULL),
         count(r."candidateId")
  FROM "Candidate" c LEFT JOIN "CandidateReach" r ON r."candidateId" = c.id AND r.contacts > 0
  WHERE c."campaignId" = campaign
  GROUP BY 2, 3;
END
$$ LANGUAGE plpgsql;

-- The full rebuild: contacts and days (first version), then candidates with "reached".
ALTER FUNCTION "dashboard_rebuild_tallies"(text) RENAME TO "dashboard_rebuild_contact_tallies";
CREATE FUNCTION "dashboard_rebuild_tallies"(campaign text) RETURNS void AS $$
BEGIN
  PERFORM "dashboard_rebuild_contact_tallies"(campaign);
  PERFORM "dashboard_rebuild_candidate_tally"(campaign);
END
$$ LANGUAGE plpgsql;

-- Existing campaigns start with the right counts.
SELECT "dashboard_rebuild_candidate_tally"(id) FROM "Campaign";
