-- The candidate tallies move once per statement instead of once per row. A list import writes
-- thousands of candidates in one statement; a row trigger then updated the same tally row thousands of
-- times in one transaction, each update leaving a row version the next one had to step over, and a
-- 100,000-row import ran past its timeout. Now each statement sums its rows' changes per
-- (campaign, group, caller) and writes each tally row once.

-- One statement's effect: `olds` leave their tally rows (sign -1), `news` join theirs (+1). A row
-- whose counted columns did not change (logging a contact bumps version and follow-up dates) is left
-- out on both sides, so such updates write nothing.
CREATE FUNCTION "dashboard_candidate_apply"(olds "Candidate"[], news "Candidate"[]) RETURNS void AS $$
BEGIN
  WITH unchanged AS (
    SELECT n.id FROM unnest(news) n JOIN unnest(olds) o ON o.id = n.id
    WHERE (o."campaignId", o."groupId", o."assignedCallerId", o.intent, o.admitted, o.paid, o.enrollment,
           o."lastContactAt" IS NULL)
          IS NOT DISTINCT FROM
          (n."campaignId", n."groupId", n."assignedCallerId", n.intent, n.admitted, n.paid, n.enrollment,
           n."lastContactAt" IS NULL)
  ), moved AS (
    SELECT o.*, -1 AS sign FROM unnest(olds) o WHERE o.id NOT IN (SELECT id FROM unchanged)
    UNION ALL
    SELECT n.*, 1 AS sign FROM unnest(news) n WHERE n.id NOT IN (SELECT id FROM unchanged)
  ), days AS (
    -- the day's change in admitted / enrolled, for the rate over time
    INSERT INTO "GroupDayTally" AS d ("campaignId", "groupId", day, "admittedDelta", "enrolledDelta")
    SELECT m."campaignId", coalesce(m."groupId", ''), "dashboard_beijing_day"(now()),
           sum(m.sign), sum(m.sign * (m.enrollment = 'ENROLLED')::int)
    FROM moved m WHERE m.admitted
    GROUP BY 1, 2
    ON CONFLICT ("campaignId", "groupId", day) DO UPDATE SET
      "admittedDelta" = d."admittedDelta" + EXCLUDED."admittedDelta",
      "enrolledDelta" = d."enrolledDelta" + EXCLUDED."enrolledDelta"
    RETURNING 1
  )
  INSERT INTO "CandidateTally" AS t
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, "neverContacted", reached)
  SELECT m."campaignId", coalesce(m."groupId", ''), coalesce(m."assignedCallerId", ''),
         sum(m.sign),
         sum(m.sign * (m.intent IS NOT DISTINCT FROM 'FIRST_CHOICE')::int),
         sum(m.sign * m.admitted::int),
         sum(m.sign * (m.admitted AND m.paid)::int),
         sum(m.sign * (m.admitted AND m.enrollment = 'ENROLLED')::int),
         sum(m.sign * (m."lastContactAt" IS NULL)::int),
         sum(m.sign * coalesce(r.contacts > 0, false)::int)
  FROM moved m LEFT JOIN "CandidateReach" r ON r."candidateId" = m.id
  GROUP BY 1, 2, 3
  ON CONFLICT ("campaignId", "groupId", "callerId") DO UPDATE SET
    assigned = t.assigned + EXCLUDED.assigned,
    "firstChoice" = t."firstChoice" + EXCLUDED."firstChoice",
    admitted = t.admitted + EXCLUDED.admitted,
    paid = t.paid + EXCLUDED.paid,
    enrolled = t.enrolled + EXCLUDED.enrolled,
    "neverContacted" = t."neverContacted" + EXCLUDED."neverContacted",
    reached = t.reached + EXCLUDED.reached;
END
$$ LANGUAGE plpgsql;

-- Transition tables exist only for a trigger of one event, hence three triggers on one function.
CREATE FUNCTION "dashboard_candidate_tally_statement"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "dashboard_candidate_apply"('{}'::"Candidate"[], ARRAY(SELECT n::"Candidate" FROM new_rows n));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "dashboard_candidate_apply"(ARRAY(SELECT o::"Candidate" FROM old_rows o), ARRAY(SELECT n::"Candidate" FROM new_rows n));
  ELSE
    PERFORM "dashboard_candidate_apply"(ARRAY(SELECT o::"Candidate" FROM old_rows o), '{}'::"Candidate"[]);
    -- a deleted candidate leaves no counter behind (its contacts go with it)
    DELETE FROM "CandidateReach" WHERE "candidateId" IN (SELECT id FROM old_rows);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER "Candidate_dashboard_tally_insert_delete" ON "Candidate";
DROP TRIGGER "Candidate_dashboard_tally_update" ON "Candidate";
DROP FUNCTION "dashboard_candidate_tally"();
DROP FUNCTION "dashboard_candidate_add"("Candidate", integer);

CREATE TRIGGER "Candidate_dashboard_tally_insert"
  AFTER INSERT ON "Candidate" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_candidate_tally_statement"();
CREATE TRIGGER "Candidate_dashboard_tally_update"
  AFTER UPDATE ON "Candidate" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_candidate_tally_statement"();
CREATE TRIGGER "Candidate_dashboard_tally_delete"
  AFTER DELETE ON "Candidate" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "dashboard_candidate_tally_statement"();
