-- CreateEnum
CREATE TYPE "WithdrawalKind" AS ENUM ('WITHDRAW', 'DECLINE');

-- CreateEnum
CREATE TYPE "EnrollmentRecord" AS ENUM ('LIST', 'DATA_TEAM');

-- CreateEnum
CREATE TYPE "AssignmentCause" AS ENUM ('LIST', 'MOVE', 'LEAVE', 'ASSESSMENT', 'FINDING', 'RELEASE');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('FINDING', 'WITHDRAWAL_SENT_BACK', 'ESCALATION_ADVICE', 'ESCALATION_OUTCOME', 'CANDIDATES_MOVED', 'LEAVE_DECISION');

-- DropIndex
DROP INDEX "WithdrawalRequest_campaignId_status_idx";

-- AlterTable
ALTER TABLE "Candidate" ADD COLUMN     "creditCallerId" TEXT,
ADD COLUMN     "decline" "WithdrawalStatus" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "enrollmentRecord" "EnrollmentRecord";

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "cause" "AssignmentCause" NOT NULL DEFAULT 'MOVE',
ADD COLUMN     "creditKept" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ContactLog" ADD COLUMN     "cleanup" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "WithdrawalRequest" ADD COLUMN     "kind" "WithdrawalKind" NOT NULL DEFAULT 'WITHDRAW',
ADD COLUMN     "reason" TEXT;

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kind" "NoticeKind" NOT NULL,
    "params" JSONB NOT NULL,
    "href" TEXT,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notice_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Notice_userId_campaignId_createdAt_idx" ON "Notice"("userId", "campaignId", "createdAt");

-- CreateIndex
CREATE INDEX "Notice_userId_readAt_idx" ON "Notice"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notice_campaignId_idx" ON "Notice"("campaignId");

-- CreateIndex
CREATE INDEX "Candidate_campaignId_creditCallerId_idx" ON "Candidate"("campaignId", "creditCallerId");

-- CreateIndex
CREATE INDEX "Candidate_creditCallerId_idx" ON "Candidate"("creditCallerId");

-- CreateIndex
CREATE INDEX "WithdrawalRequest_campaignId_kind_status_idx" ON "WithdrawalRequest"("campaignId", "kind", "status");

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_creditCallerId_fkey" FOREIGN KEY ("creditCallerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notice" ADD CONSTRAINT "Notice_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "CandidateTally" ADD COLUMN "confirmed" INTEGER NOT NULL DEFAULT 0;

-- The tallies also count confirmed enrollment (enrollmentRecord set), beside the callers' claims.
CREATE OR REPLACE FUNCTION "dashboard_candidate_apply"(olds "Candidate"[], news "Candidate"[]) RETURNS void AS $$
BEGIN
  WITH unchanged AS (
    SELECT n.id FROM unnest(news) n JOIN unnest(olds) o ON o.id = n.id
    WHERE (o."campaignId", o."groupId", o."assignedCallerId", o.intent, o.admitted, o.paid, o.enrollment,
           o."enrollmentRecord", o."lastContactAt" IS NULL)
          IS NOT DISTINCT FROM
          (n."campaignId", n."groupId", n."assignedCallerId", n.intent, n.admitted, n.paid, n.enrollment,
           n."enrollmentRecord", n."lastContactAt" IS NULL)
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
    ("campaignId", "groupId", "callerId", assigned, "firstChoice", admitted, paid, enrolled, confirmed,
     "neverContacted", reached)
  SELECT m."campaignId", coalesce(m."groupId", ''), coalesce(m."assignedCallerId", ''),
         sum(m.sign),
         sum(m.sign * (m.intent IS NOT DISTINCT FROM 'FIRST_CHOICE')::int),
         sum(m.sign * m.admitted::int),
         sum(m.sign * (m.admitted AND m.paid)::int),
         sum(m.sign * (m.admitted AND m.enrollment = 'ENROLLED')::int),
         sum(m.sign * (m.admitted AND m."enrollmentRecord" IS NOT NULL)::int),
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
    confirmed = t.confirmed + EXCLUDED.confirmed,
    "neverContacted" = t."neverContacted" + EXCLUDED."neverContacted",
    reached = t.reached + EXCLUDED.reached;
END
$$ LANGUAGE plpgsql;

-- Existing data. Until now every candidate counted for its current holder: that is the credit it keeps.
UPDATE "Candidate" SET "creditCallerId" = "assignedCallerId" WHERE "assignedCallerId" IS NOT NULL;

-- An ENROLLED candidate on the newest applied 报到 list of its campaign is on the record (the trigger
-- above adds them to the tallies' confirmed counts); a claim no list showed stays a claim.
UPDATE "Candidate" c SET "enrollmentRecord" = 'LIST'
  FROM (SELECT DISTINCT ON (b."campaignId") b."campaignId", b."examNos"
          FROM "ImportBatch" b WHERE b.kind = 'BAODAO' AND b.status = 'APPLIED'
         ORDER BY b."campaignId", b."appliedAt" DESC) latest
 WHERE c."campaignId" = latest."campaignId" AND c."examNo" = ANY(latest."examNos")
   AND c.enrollment = 'ENROLLED';

-- Assignments made with the list that brought the candidate in.
UPDATE "Assignment" a SET cause = 'LIST'
  WHERE a."startedAt" = (SELECT min(f."startedAt") FROM "Assignment" f WHERE f."candidateId" = a."candidateId");
