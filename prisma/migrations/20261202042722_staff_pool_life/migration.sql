-- CreateEnum
CREATE TYPE "StaffIdentity" AS ENUM ('TEACHER', 'STUDENT');

-- CreateEnum
CREATE TYPE "TrainingTopic" AS ENUM ('POLICY', 'CONSULTING', 'SCRIPTS', 'RECORDING', 'TRACKING', 'MASTERS');

-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('CASE_SHARING', 'ROLE_PLAY', 'EXAM');

-- CreateEnum
CREATE TYPE "LeaveStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "RosterChangeKind" AS ENUM ('JOINED', 'LEFT');

-- AlterEnum (PostgreSQL 12 and later add enum values inside a transaction)
ALTER TYPE "Role" ADD VALUE 'INSPECTION_LEAD';
ALTER TYPE "Role" ADD VALUE 'DATA_LEAD';


-- AlterEnum
ALTER TYPE "StaffSource" ADD VALUE 'COLLEGE_PICK';

-- AlterTable
ALTER TABLE "Group" ADD COLUMN     "rosterApprovedAt" TIMESTAMPTZ(3),
ADD COLUMN     "rosterApprovedById" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "department" TEXT,
ADD COLUMN     "identity" "StaffIdentity";

-- CreateTable
CREATE TABLE "RosterChange" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" "RosterChangeKind" NOT NULL,
    "reason" TEXT,
    "byId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RosterChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" "TrainingTopic" NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingAttendance" (
    "sessionId" TEXT NOT NULL,
    "staffProfileId" TEXT NOT NULL,

    CONSTRAINT "TrainingAttendance_pkey" PRIMARY KEY ("sessionId","staffProfileId")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "staffProfileId" TEXT NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "score" INTEGER,
    "passed" BOOLEAN NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Leave" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "staffProfileId" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "LeaveStatus" NOT NULL DEFAULT 'REQUESTED',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "decisionNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Leave_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RosterChange_groupId_at_idx" ON "RosterChange"("groupId", "at");

-- CreateIndex
CREATE INDEX "RosterChange_userId_idx" ON "RosterChange"("userId");

-- CreateIndex
CREATE INDEX "RosterChange_byId_idx" ON "RosterChange"("byId");

-- CreateIndex
CREATE INDEX "TrainingSession_campaignId_heldOn_idx" ON "TrainingSession"("campaignId", "heldOn");

-- CreateIndex
CREATE INDEX "TrainingSession_recordedById_idx" ON "TrainingSession"("recordedById");

-- CreateIndex
CREATE INDEX "TrainingAttendance_staffProfileId_idx" ON "TrainingAttendance"("staffProfileId");

-- CreateIndex
CREATE INDEX "Assessment_campaignId_idx" ON "Assessment"("campaignId");

-- CreateIndex
CREATE INDEX "Assessment_staffProfileId_idx" ON "Assessment"("staffProfileId");

-- CreateIndex
CREATE INDEX "Assessment_recordedById_idx" ON "Assessment"("recordedById");

-- CreateIndex
CREATE INDEX "Leave_staffProfileId_idx" ON "Leave"("staffProfileId");

-- CreateIndex
CREATE INDEX "Leave_decidedById_idx" ON "Leave"("decidedById");

-- CreateIndex
CREATE INDEX "Leave_campaignId_status_idx" ON "Leave"("campaignId", "status");

-- CreateIndex
CREATE INDEX "Group_rosterApprovedById_idx" ON "Group"("rosterApprovedById");

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_rosterApprovedById_fkey" FOREIGN KEY ("rosterApprovedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChange" ADD CONSTRAINT "RosterChange_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChange" ADD CONSTRAINT "RosterChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RosterChange" ADD CONSTRAINT "RosterChange_byId_fkey" FOREIGN KEY ("byId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingAttendance" ADD CONSTRAINT "TrainingAttendance_staffProfileId_fkey" FOREIGN KEY ("staffProfileId") REFERENCES "StaffProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_staffProfileId_fkey" FOREIGN KEY ("staffProfileId") REFERENCES "StaffProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_staffProfileId_fkey" FOREIGN KEY ("staffProfileId") REFERENCES "StaffProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Leave" ADD CONSTRAINT "Leave_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable: the new columns; the old ones are dropped once their data has moved below
ALTER TABLE "StaffProfile" ADD COLUMN     "overtimeReason" TEXT,
ADD COLUMN     "region" TEXT,
ADD COLUMN     "studentCadre" BOOLEAN NOT NULL DEFAULT false;

-- Data: the attended modules become one training session per campaign and topic and the assessment
-- result one assessment, both recorded in the name of the first admin (no admin: no staff to move);
-- a member ON_LEAVE becomes a pool member with an approved leave from the day it was set to the end
-- of the campaign's 报到 window, which the leader can end early.
WITH recorder AS (
  SELECT id FROM "User" WHERE 'ADMIN' = ANY("roles") ORDER BY "createdAt" LIMIT 1
), topics(module, topic) AS (
  VALUES ('policy', 'POLICY'), ('consulting', 'CONSULTING'), ('scripts', 'SCRIPTS'),
         ('system', 'RECORDING'), ('tracking', 'TRACKING'), ('master', 'MASTERS')
), attended AS (
  SELECT s."campaignId", s.id AS "staffProfileId", t.topic, s."updatedAt"
  FROM "StaffProfile" s CROSS JOIN LATERAL unnest(s."trainingModules") AS m(module)
  JOIN topics t ON t.module = m.module
), sessions AS (
  INSERT INTO "TrainingSession" ("id", "campaignId", "heldOn", "topic", "note", "recordedById")
  SELECT 'moved_' || a."campaignId" || '_' || a.topic, a."campaignId",
         min((a."updatedAt" AT TIME ZONE 'Asia/Shanghai')::date), a.topic::"TrainingTopic", NULL, recorder.id
  FROM attended a CROSS JOIN recorder
  GROUP BY a."campaignId", a.topic, recorder.id
  RETURNING id
)
INSERT INTO "TrainingAttendance" ("sessionId", "staffProfileId")
SELECT 'moved_' || a."campaignId" || '_' || a.topic, a."staffProfileId"
FROM attended a WHERE EXISTS (SELECT 1 FROM recorder);

INSERT INTO "Assessment" ("id", "campaignId", "staffProfileId", "kind", "heldOn", "score", "passed", "recordedById")
SELECT 'moved_' || s.id, s."campaignId", s.id, 'EXAM', (s."updatedAt" AT TIME ZONE 'Asia/Shanghai')::date,
       s."assessmentScore", s."assessmentPassed", recorder.id
FROM "StaffProfile" s
CROSS JOIN (SELECT id FROM "User" WHERE 'ADMIN' = ANY("roles") ORDER BY "createdAt" LIMIT 1) recorder
WHERE s."assessmentPassed" IS NOT NULL;

INSERT INTO "Leave" ("id", "campaignId", "staffProfileId", "startsOn", "endsOn", "reason", "status", "decidedAt", "updatedAt")
SELECT 'moved_' || s.id, s."campaignId", s.id, (s."updatedAt" AT TIME ZONE 'Asia/Shanghai')::date,
       GREATEST((s."updatedAt" AT TIME ZONE 'Asia/Shanghai')::date,
                COALESCE((SELECT (max(w."closesAt") AT TIME ZONE 'Asia/Shanghai')::date
                          FROM "PhaseWindow" w WHERE w."campaignId" = s."campaignId"),
                         (s."updatedAt" AT TIME ZONE 'Asia/Shanghai')::date)),
       '请假（日期未记录）', 'APPROVED', s."updatedAt", CURRENT_TIMESTAMP
FROM "StaffProfile" s WHERE s."poolStatus" = 'ON_LEAVE';

UPDATE "StaffProfile" SET "poolStatus" = 'APPROVED' WHERE "poolStatus" = 'ON_LEAVE';

ALTER TABLE "StaffProfile" DROP COLUMN "assessmentPassed",
DROP COLUMN "assessmentScore",
DROP COLUMN "trainingModules";

-- AlterEnum
BEGIN;
CREATE TYPE "PoolStatus_new" AS ENUM ('APPLIED', 'APPROVED', 'REJECTED', 'REMOVED');
ALTER TABLE "StaffProfile" ALTER COLUMN "poolStatus" DROP DEFAULT;
ALTER TABLE "StaffProfile" ALTER COLUMN "poolStatus" TYPE "PoolStatus_new" USING ("poolStatus"::text::"PoolStatus_new");
ALTER TYPE "PoolStatus" RENAME TO "PoolStatus_old";
ALTER TYPE "PoolStatus_new" RENAME TO "PoolStatus";
DROP TYPE "PoolStatus_old";
ALTER TABLE "StaffProfile" ALTER COLUMN "poolStatus" SET DEFAULT 'APPLIED';
COMMIT;
