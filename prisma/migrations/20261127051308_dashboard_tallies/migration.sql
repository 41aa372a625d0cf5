-- CreateTable
CREATE TABLE "CandidateTally" (
    "campaignId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "assigned" INTEGER NOT NULL DEFAULT 0,
    "firstChoice" INTEGER NOT NULL DEFAULT 0,
    "admitted" INTEGER NOT NULL DEFAULT 0,
    "paid" INTEGER NOT NULL DEFAULT 0,
    "enrolled" INTEGER NOT NULL DEFAULT 0,
    "neverContacted" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CandidateTally_pkey" PRIMARY KEY ("campaignId","groupId","callerId")
);

-- CreateTable
CREATE TABLE "CallerTally" (
    "campaignId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "contacts" INTEGER NOT NULL DEFAULT 0,
    "seconds" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "CallerTally_pkey" PRIMARY KEY ("campaignId","callerId")
);

-- CreateTable
CREATE TABLE "GroupDayTally" (
    "campaignId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "phone" INTEGER NOT NULL DEFAULT 0,
    "sms" INTEGER NOT NULL DEFAULT 0,
    "wechat" INTEGER NOT NULL DEFAULT 0,
    "qq" INTEGER NOT NULL DEFAULT 0,
    "other" INTEGER NOT NULL DEFAULT 0,
    "seconds" BIGINT NOT NULL DEFAULT 0,
    "admittedDelta" INTEGER NOT NULL DEFAULT 0,
    "enrolledDelta" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GroupDayTally_pkey" PRIMARY KEY ("campaignId","groupId","day")
);

-- CreateIndex
CREATE INDEX "CandidateTally_campaignId_callerId_idx" ON "CandidateTally"("campaignId", "callerId");


-- The tallies are kept by triggers, in the transaction of the write that changes them (README
-- "Dashboards", performance). A Beijing day is UTC+8 (China has no daylight saving time).

CREATE FUNCTION "dashboard_beijing_day"(at timestamptz) RETURNS date AS $$
  SELECT ((at AT TIME ZONE 'UTC') + interval '8 hours')::date
$$ LANGUAGE sql IMMUTABLE;

-- Adds one candidate's contribution (sign +1) or takes it away (sign -1).
CREATE FUNCTION "dashboard_candidate_add"(c "Candidate", sign integer) RETURNS void AS $$
BEGIN
  INSERT INTO "CandidateTally" AS t
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, "neverContacted")
  VALUES (
    c."campaignId", coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''),
    sign,
    sign * (c.intent IS NOT DISTINCT FROM 'FIRST_CHOICE')::int,
    sign * c.admitted::int,
    sign * (c.admitted AND c.paid)::int,
    sign * (c.admitted AND c.enrollment = 'ENROLLED')::int,
    sign * (c."lastContactAt" IS NULL)::int)
  ON CONFLICT ("campaignId", "groupId", "callerId") DO UPDATE SET
    assigned = t.assigned + EXCLUDED.assigned,
    "firstChoice" = t."firstChoice" + EXCLUDED."firstChoice",
    admitted = t.admitted + EXCLUDED.admitted,
    paid = t.paid + EXCLUDED.paid,
    enrolled = t.enrolled + EXCLUDED.enrolled,
    "neverContacted" = t."neverContacted" + EXCLUDED."neverContacted";
  -- the day's change in admitted / enrolled, for the rate over time (only when there is one)
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

CREATE FUNCTION "dashboard_candidate_tally"() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "dashboard_candidate_add"(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM "dashboard_candidate_add"(NEW, 1); END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "Candidate_dashboard_tally_insert_delete"
  AFTER INSERT OR DELETE ON "Candidate"
  FOR EACH ROW EXECUTE FUNCTION "dashboard_candidate_tally"();

-- Only a change to what the tallies count fires it: logging a contact bumps version, lastContactAt
-- and nextFollowUpAt on every call, and touches the tallies only on a candidate's first contact.
CREATE TRIGGER "Candidate_dashboard_tally_update"
  AFTER UPDATE ON "Candidate"
  FOR EACH ROW
  WHEN ((OLD."campaignId", OLD."groupId", OLD."assignedCallerId", OLD.intent, OLD.admitted, OLD.paid,
         OLD.enrollment, OLD."lastContactAt" IS NULL)
        IS DISTINCT FROM
        (NEW."campaignId", NEW."groupId", NEW."assignedCallerId", NEW.intent, NEW.admitted, NEW.paid,
         NEW.enrollment, NEW."lastContactAt" IS NULL))
  EXECUTE FUNCTION "dashboard_candidate_tally"();

-- Adds one contact's contribution (sign +1) or takes it away (sign -1). The group is the candidate's
-- group when the contact is written (a contact of a candidate deleted with it counts as "no group").
CREATE FUNCTION "dashboard_contact_add"(l "ContactLog", sign integer) RETURNS void AS $$
DECLARE
  g text;
BEGIN
  INSERT INTO "CallerTally" AS t ("campaignId", "callerId", contacts, seconds)
  VALUES (l."campaignId", l."callerId", sign, sign * l."durationSeconds")
  ON CONFLICT ("campaignId", "callerId") DO UPDATE SET
    contacts = t.contacts + EXCLUDED.contacts,
    seconds = t.seconds + EXCLUDED.seconds;
  SELECT coalesce(c."groupId", '') INTO g FROM "Candidate" c WHERE c.id = l."candidateId";
  INSERT INTO "GroupDayTally" AS d ("campaignId", "groupId", day, phone, sms, wechat, qq, other, seconds)
  VALUES (l."campaignId", coalesce(g, ''), "dashboard_beijing_day"(l."startedAt"),
          sign * (l.channel = 'PHONE')::int, sign * (l.channel = 'SMS')::int,
          sign * (l.channel = 'WECHAT')::int, sign * (l.channel = 'QQ')::int,
          sign * (l.channel = 'OTHER')::int, sign * l."durationSeconds")
  ON CONFLICT ("campaignId", "groupId", day) DO UPDATE SET
    phone = d.phone + EXCLUDED.phone,
    sms = d.sms + EXCLUDED.sms,
    wechat = d.wechat + EXCLUDED.wechat,
    qq = d.qq + EXCLUDED.qq,
    other = d.other + EXCLUDED.other,
    seconds = d.seconds + EXCLUDED.seconds;
END
$$ LANGUAGE plpgsql;

CREATE FUNCTION "dashboard_contact_tally"() RETURNS trigger AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "dashboard_contact_add"(OLD, -1); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM "dashboard_contact_add"(NEW, 1); END IF;
  RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER "ContactLog_dashboard_tally_insert_delete"
  AFTER INSERT OR DELETE ON "ContactLog"
  FOR EACH ROW EXECUTE FUNCTION "dashboard_contact_tally"();

CREATE TRIGGER "ContactLog_dashboard_tally_update"
  AFTER UPDATE ON "ContactLog"
  FOR EACH ROW
  WHEN ((OLD."campaignId", OLD."callerId", OLD."candidateId", OLD.channel, OLD."startedAt", OLD."durationSeconds")
        IS DISTINCT FROM
        (NEW."campaignId", NEW."callerId", NEW."candidateId", NEW.channel, NEW."startedAt", NEW."durationSeconds"))
  EXECUTE FUNCTION "dashboard_contact_tally"();

-- Recomputes one campaign's tallies from its candidates and contact logs: after a bulk load made with
-- triggers off, or to repair. The day of an admission / enrollment is not stored on the candidate, so
-- the rebuilt history puts it on the candidate's first contact of the 录取后 phase / its ENROLLED
-- contact, else on the day the candidate row last changed.
CREATE FUNCTION "dashboard_rebuild_tallies"(campaign text) RETURNS void AS $$
BEGIN
  DELETE FROM "CandidateTally" WHERE "campaignId" = campaign;
  DELETE FROM "CallerTally" WHERE "campaignId" = campaign;
  DELETE FROM "GroupDayTally" WHERE "campaignId" = campaign;

  INSERT INTO "CandidateTally"
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, "neverContacted")
  SELECT campaign, coalesce(c."groupId", ''), coalesce(c."assignedCallerId", ''),
         count(*),
         count(*) FILTER (WHERE c.intent = 'FIRST_CHOICE'),
         count(*) FILTER (WHERE c.admitted),
         count(*) FILTER (WHERE c.admitted AND c.paid),
         count(*) FILTER (WHERE c.admitted AND c.enrollment = 'ENROLLED'),
         count(*) FILTER (WHERE c."lastContactAt" IS NULL)
  FROM "Candidate" c WHERE c."campaignId" = campaign
  GROUP BY 2, 3;

  INSERT INTO "CallerTally" ("campaignId", "callerId", contacts, seconds)
  SELECT campaign, l."callerId", count(*), sum(l."durationSeconds")
  FROM "ContactLog" l WHERE l."campaignId" = campaign
  GROUP BY l."callerId";

  INSERT INTO "GroupDayTally" ("campaignId", "groupId", day, phone, sms, wechat, qq, other, seconds,
                               "admittedDelta", "enrolledDelta")
  SELECT campaign, k.g, k.day, sum(k.phone), sum(k.sms), sum(k.wechat), sum(k.qq), sum(k.other),
         sum(k.seconds), sum(k.admitted), sum(k.enrolled)
  FROM (
    SELECT coalesce(c."groupId", '') AS g, "dashboard_beijing_day"(l."startedAt") AS day,
           (l.channel = 'PHONE')::int AS phone, (l.channel = 'SMS')::int AS sms,
           (l.channel = 'WECHAT')::int AS wechat, (l.channel = 'QQ')::int AS qq,
           (l.channel = 'OTHER')::int AS other, l."durationSeconds"::bigint AS seconds,
           0 AS admitted, 0 AS enrolled
    FROM "ContactLog" l LEFT JOIN "Candidate" c ON c.id = l."candidateId"
    WHERE l."campaignId" = campaign
    UNION ALL
    SELECT coalesce(c."groupId", ''),
           "dashboard_beijing_day"(coalesce(
             (SELECT min(l."startedAt") FROM "ContactLog" l WHERE l."candidateId" = c.id AND l.phase >= 3),
             c."updatedAt")),
           0, 0, 0, 0, 0, 0, 1, 0
    FROM "Candidate" c WHERE c."campaignId" = campaign AND c.admitted
    UNION ALL
    SELECT coalesce(c."groupId", ''),
           "dashboard_beijing_day"(coalesce(
             (SELECT min(l."startedAt") FROM "ContactLog" l WHERE l."candidateId" = c.id AND l.outcome = 'ENROLLED'),
             c."updatedAt")),
           0, 0, 0, 0, 0, 0, 0, 1
    FROM "Candidate" c WHERE c."campaignId" = campaign AND c.admitted AND c.enrollment = 'ENROLLED'
  ) k
  GROUP BY k.g, k.day;
END
$$ LANGUAGE plpgsql;
