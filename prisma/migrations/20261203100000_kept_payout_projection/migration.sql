-- The payout projection kept in the database (README "Money on the dashboards").
--
-- Every write that moves money adds one to the campaign's money version, in the transaction of the write,
-- from triggers (like the tallies: no writer has to remember). The version is kept in 16 shards, the one
-- of the writing connection, so that callers saving contacts at the same moment do not queue on one row;
-- the version is the sum of the shards, which grows with every committed write. The projection is
-- recomputed when the version it was computed at is behind.

CREATE TABLE "MoneyVersion" (
    "campaignId" TEXT NOT NULL,
    "shard" INTEGER NOT NULL,
    "version" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "MoneyVersion_pkey" PRIMARY KEY ("campaignId", "shard")
);

CREATE TABLE "PayoutProjection" (
    "campaignId" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "policy" JSONB NOT NULL,
    "totalFen" BIGINT NOT NULL,
    "computedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "PayoutProjection_pkey" PRIMARY KEY ("campaignId")
);

CREATE TABLE "PayoutProjectionCaller" (
    "campaignId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "payout" JSONB NOT NULL,
    "digest" TEXT NOT NULL,
    CONSTRAINT "PayoutProjectionCaller_pkey" PRIMARY KEY ("campaignId", "callerId")
);
CREATE INDEX "PayoutProjectionCaller_campaignId_groupId_idx" ON "PayoutProjectionCaller"("campaignId", "groupId");

CREATE TABLE "PayoutProjectionGroup" (
    "campaignId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "payout" JSONB NOT NULL,
    "digest" TEXT NOT NULL,
    CONSTRAINT "PayoutProjectionGroup_pkey" PRIMARY KEY ("campaignId", "groupId")
);

CREATE FUNCTION "money_moved"(campaign text) RETURNS void AS $$
  INSERT INTO "MoneyVersion" ("campaignId", shard, version)
  SELECT campaign, pg_backend_pid() % 16, 1 WHERE campaign IS NOT NULL
  ON CONFLICT ("campaignId", shard) DO UPDATE SET version = "MoneyVersion".version + 1
$$ LANGUAGE sql;

-- Row triggers: the tables written a row at a time (contact tallies, staff, groups, findings, 生源报备).
CREATE FUNCTION "money_moved_row"() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "money_moved"(OLD."campaignId"); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."campaignId" IS DISTINCT FROM OLD."campaignId") THEN
    PERFORM "money_moved"(NEW."campaignId");
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

-- contacts and minutes, through the caller tally the contact triggers keep
CREATE TRIGGER "CallerTally_money_insert_delete" AFTER INSERT OR DELETE ON "CallerTally"
  FOR EACH ROW EXECUTE FUNCTION "money_moved_row"();
CREATE TRIGGER "CallerTally_money_update" AFTER UPDATE ON "CallerTally"
  FOR EACH ROW WHEN ((OLD."campaignId", OLD.contacts, OLD.seconds) IS DISTINCT FROM (NEW."campaignId", NEW.contacts, NEW.seconds))
  EXECUTE FUNCTION "money_moved_row"();

-- who is paid, in which group, and their overtime
CREATE TRIGGER "StaffProfile_money_insert_delete" AFTER INSERT OR DELETE ON "StaffProfile"
  FOR EACH ROW EXECUTE FUNCTION "money_moved_row"();
CREATE TRIGGER "StaffProfile_money_update" AFTER UPDATE ON "StaffProfile"
  FOR EACH ROW WHEN ((OLD."campaignId", OLD."userId", OLD."groupId", OLD."overtimeFen")
                     IS DISTINCT FROM (NEW."campaignId", NEW."userId", NEW."groupId", NEW."overtimeFen"))
  EXECUTE FUNCTION "money_moved_row"();

-- the leader bonus goes to the group's leader
CREATE TRIGGER "Group_money_insert_delete" AFTER INSERT OR DELETE ON "Group"
  FOR EACH ROW EXECUTE FUNCTION "money_moved_row"();
CREATE TRIGGER "Group_money_update" AFTER UPDATE ON "Group"
  FOR EACH ROW WHEN ((OLD."campaignId", OLD."leaderId") IS DISTINCT FROM (NEW."campaignId", NEW."leaderId"))
  EXECUTE FUNCTION "money_moved_row"();

-- the inspectors' deductions
CREATE TRIGGER "Finding_money_insert_delete" AFTER INSERT OR DELETE ON "Finding"
  FOR EACH ROW EXECUTE FUNCTION "money_moved_row"();
CREATE TRIGGER "Finding_money_update" AFTER UPDATE ON "Finding"
  FOR EACH ROW WHEN ((OLD."campaignId", OLD."callerId", OLD.kind, OLD."deductionPercent")
                     IS DISTINCT FROM (NEW."campaignId", NEW."callerId", NEW.kind, NEW."deductionPercent"))
  EXECUTE FUNCTION "money_moved_row"();

-- 生源报备 points
CREATE TRIGGER "SourceRegistration_money_insert_delete" AFTER INSERT OR DELETE ON "SourceRegistration"
  FOR EACH ROW EXECUTE FUNCTION "money_moved_row"();
CREATE TRIGGER "SourceRegistration_money_update" AFTER UPDATE ON "SourceRegistration"
  FOR EACH ROW WHEN ((OLD."campaignId", OLD."registrarId") IS DISTINCT FROM (NEW."campaignId", NEW."registrarId"))
  EXECUTE FUNCTION "money_moved_row"();

-- the subsidy and points policies
CREATE FUNCTION "money_moved_policy"() RETURNS trigger AS $$
BEGIN
  PERFORM "money_moved"(NEW.id);
  RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER "Campaign_money_policy" AFTER UPDATE ON "Campaign"
  FOR EACH ROW WHEN ((OLD."subsidyPolicy", OLD."prospectPolicy") IS DISTINCT FROM (NEW."subsidyPolicy", NEW."prospectPolicy"))
  EXECUTE FUNCTION "money_moved_policy"();

-- Candidates: once per statement (imports write 2,000 rows a statement), and for an update only when a
-- column the payouts count changed (logging a contact touches every candidate it reaches, not the money).
CREATE FUNCTION "money_moved_candidates"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "money_moved"(c) FROM (SELECT DISTINCT "campaignId" FROM new_rows) AS moved(c);
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "money_moved"(c) FROM (SELECT DISTINCT "campaignId" FROM old_rows) AS moved(c);
  ELSE
    PERFORM "money_moved"(c) FROM (
      SELECT o."campaignId" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE (o."campaignId", o."creditCallerId", o."assignedCallerId", o.admitted, o.enrollment,
             o."enrollmentRecord", o.decline)
            IS DISTINCT FROM
            (n."campaignId", n."creditCallerId", n."assignedCallerId", n.admitted, n.enrollment,
             n."enrollmentRecord", n.decline)
      UNION
      SELECT n."campaignId" FROM old_rows o JOIN new_rows n ON n.id = o.id
      WHERE o."campaignId" IS DISTINCT FROM n."campaignId"
    ) AS moved(c);
  END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Candidate_money_insert"
  AFTER INSERT ON "Candidate" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "money_moved_candidates"();
CREATE TRIGGER "Candidate_money_update"
  AFTER UPDATE ON "Candidate" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "money_moved_candidates"();
CREATE TRIGGER "Candidate_money_delete"
  AFTER DELETE ON "Candidate" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "money_moved_candidates"();

-- A bulk load with the triggers off rebuilds the tallies after it; the rebuild moves the money version too.
CREATE OR REPLACE FUNCTION "dashboard_rebuild_tallies"(campaign text) RETURNS void AS $$
BEGIN
  PERFORM "dashboard_rebuild_contact_tallies"(campaign);
  PERFORM "dashboard_rebuild_candidate_tally"(campaign);
  PERFORM "money_moved"(campaign);
END
$$ LANGUAGE plpgsql;
