-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'DATA', 'CALLBACK_LEAD', 'GROUP_LEADER', 'CALLER', 'INSPECTOR', 'STRIKE');

-- CreateEnum
CREATE TYPE "PoolStatus" AS ENUM ('APPLIED', 'APPROVED', 'REJECTED', 'ON_LEAVE', 'REMOVED');

-- CreateEnum
CREATE TYPE "StaffSource" AS ENUM ('EXCELLENT_2023', 'PRIOR_2023', 'VOLUNTEER', 'RECOMMENDED', 'STUDENT', 'LEADER_PICK');

-- CreateEnum
CREATE TYPE "QualificationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('PHONE', 'SMS', 'WECHAT', 'QQ', 'OTHER');

-- CreateEnum
CREATE TYPE "Intent" AS ENUM ('FIRST_CHOICE', 'HESITANT', 'NOT_FIRST_CHOICE');

-- CreateEnum
CREATE TYPE "WithdrawalStatus" AS ENUM ('NONE', 'AGREED', 'SUBMITTED', 'SENT_BACK', 'APPROVED');

-- CreateEnum
CREATE TYPE "ComeIntent" AS ENUM ('WILL_COME', 'HESITANT', 'WILL_NOT_COME');

-- CreateEnum
CREATE TYPE "EnrollmentStatus" AS ENUM ('PENDING', 'ENROLLED', 'NOT_ENROLLED');

-- CreateEnum
CREATE TYPE "EscalationReason" AS ENUM ('PHONE_OFF', 'SUSPENDED', 'WRONG_NUMBER', 'REFUSED', 'REGRETTED', 'WILL_NOT_COME', 'OTHER');

-- CreateEnum
CREATE TYPE "EscalationTeam" AS ENUM ('GROUP_LEADER', 'STRIKE');

-- CreateEnum
CREATE TYPE "EscalationStatus" AS ENUM ('OPEN', 'FORWARDED', 'CLAIMED', 'SENT_BACK', 'RESOLVED');

-- CreateEnum
CREATE TYPE "InspectionReason" AS ENUM ('SAMPLE', 'SUSPICIOUS');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('CONFIRMED', 'DOUBTFUL', 'FALSE');

-- CreateEnum
CREATE TYPE "ViolationKind" AS ENUM ('FAKE_CALLBACK', 'FALSE_PROMISE', 'MISTAKEN_WITHDRAWAL', 'DERELICTION', 'FRAUD');

-- CreateEnum
CREATE TYPE "ImportKind" AS ENUM ('TOUDANG', 'LUQU', 'JIAOFEI', 'BAODAO');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('PREVIEWED', 'APPLYING', 'APPLIED', 'FAILED', 'UNDONE');

-- CreateEnum
CREATE TYPE "WeeklyReportStatus" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "planSize" INTEGER NOT NULL,
    "basicRatePermille" INTEGER NOT NULL DEFAULT 930,
    "targetRatePermille" INTEGER NOT NULL DEFAULT 950,
    "subsidyPolicy" JSONB NOT NULL,
    "retentionDays" INTEGER NOT NULL DEFAULT 365,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PhaseWindow" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "phase" INTEGER NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PhaseWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Group" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "leaderId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "login" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffProfile" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "groupId" TEXT,
    "poolStatus" "PoolStatus" NOT NULL DEFAULT 'APPLIED',
    "source" "StaffSource" NOT NULL,
    "qualification" "QualificationStatus" NOT NULL DEFAULT 'PENDING',
    "qualificationReason" TEXT,
    "reviewedById" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "trainingModules" TEXT[],
    "assessmentScore" INTEGER,
    "assessmentPassed" BOOLEAN,
    "overtimeFen" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StaffProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candidate" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "examNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "gender" TEXT,
    "phones" TEXT[],
    "region" TEXT NOT NULL,
    "school" TEXT,
    "major" TEXT,
    "firstChoice" BOOLEAN,
    "groupId" TEXT,
    "assignedCallerId" TEXT,
    "intent" "Intent",
    "withdrawal" "WithdrawalStatus" NOT NULL DEFAULT 'NONE',
    "admitted" BOOLEAN NOT NULL DEFAULT false,
    "comeIntent" "ComeIntent",
    "paid" BOOLEAN NOT NULL DEFAULT false,
    "dormChosen" BOOLEAN NOT NULL DEFAULT false,
    "busBooked" BOOLEAN NOT NULL DEFAULT false,
    "masterInterest" BOOLEAN NOT NULL DEFAULT false,
    "enrollment" "EnrollmentStatus" NOT NULL DEFAULT 'PENDING',
    "noShowReason" TEXT,
    "lastContactAt" TIMESTAMPTZ(3),
    "nextFollowUpAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Candidate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "assignedById" TEXT,
    "reason" TEXT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactLog" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "phase" INTEGER NOT NULL,
    "channel" "Channel" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "durationSeconds" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "notes" TEXT,
    "nextFollowUpAt" TIMESTAMPTZ(3),
    "idempotencyKey" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ContactLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Escalation" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "reason" "EscalationReason" NOT NULL,
    "fromUserId" TEXT NOT NULL,
    "toTeam" "EscalationTeam" NOT NULL DEFAULT 'GROUP_LEADER',
    "status" "EscalationStatus" NOT NULL DEFAULT 'OPEN',
    "assigneeId" TEXT,
    "advice" TEXT,
    "resolution" TEXT,
    "resolvedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Escalation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "contactLogId" TEXT NOT NULL,
    "inspectorId" TEXT,
    "reason" "InspectionReason" NOT NULL,
    "rule" TEXT,
    "weekStart" DATE NOT NULL,
    "sampleSeed" TEXT,
    "verdict" "Verdict",
    "evidence" TEXT,
    "checkedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Finding" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "inspectionId" TEXT,
    "callerId" TEXT NOT NULL,
    "inspectorId" TEXT NOT NULL,
    "kind" "ViolationKind" NOT NULL,
    "deductionPercent" INTEGER,
    "description" TEXT NOT NULL,
    "correctionDeadline" TIMESTAMPTZ(3),
    "corrected" BOOLEAN,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Finding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kind" "ImportKind" NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "status" "ImportStatus" NOT NULL DEFAULT 'PREVIEWED',
    "rowsRead" INTEGER NOT NULL DEFAULT 0,
    "rowsNew" INTEGER NOT NULL DEFAULT 0,
    "rowsChanged" INTEGER NOT NULL DEFAULT 0,
    "rowsMissing" INTEGER NOT NULL DEFAULT 0,
    "rowsError" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3),
    "undoneAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportChange" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,

    CONSTRAINT "ImportChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WeeklyReport" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "weekStart" DATE NOT NULL,
    "body" TEXT NOT NULL,
    "figures" JSONB,
    "status" "WeeklyReportStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedById" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WeeklyReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PayoutRun" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "policy" JSONB NOT NULL,
    "inputs" JSONB NOT NULL,
    "result" JSONB NOT NULL,
    "totalFen" INTEGER NOT NULL,
    "signedOffById" TEXT NOT NULL,
    "signedOffAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PayoutRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "before" JSONB,
    "after" JSONB,
    "requestId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginAttempt" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LoginAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Campaign_year_name_key" ON "Campaign"("year", "name");

-- CreateIndex
CREATE UNIQUE INDEX "PhaseWindow_campaignId_phase_key" ON "PhaseWindow"("campaignId", "phase");

-- CreateIndex
CREATE INDEX "Group_leaderId_idx" ON "Group"("leaderId");

-- CreateIndex
CREATE UNIQUE INDEX "Group_campaignId_name_key" ON "Group"("campaignId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Group_campaignId_region_key" ON "Group"("campaignId", "region");

-- CreateIndex
CREATE UNIQUE INDEX "User_login_key" ON "User"("login");

-- CreateIndex
CREATE INDEX "User_active_idx" ON "User"("active");

-- CreateIndex
CREATE INDEX "StaffProfile_userId_idx" ON "StaffProfile"("userId");

-- CreateIndex
CREATE INDEX "StaffProfile_groupId_idx" ON "StaffProfile"("groupId");

-- CreateIndex
CREATE INDEX "StaffProfile_reviewedById_idx" ON "StaffProfile"("reviewedById");

-- CreateIndex
CREATE INDEX "StaffProfile_campaignId_qualification_idx" ON "StaffProfile"("campaignId", "qualification");

-- CreateIndex
CREATE UNIQUE INDEX "StaffProfile_campaignId_userId_key" ON "StaffProfile"("campaignId", "userId");

-- CreateIndex
CREATE INDEX "Candidate_groupId_idx" ON "Candidate"("groupId");

-- CreateIndex
CREATE INDEX "Candidate_assignedCallerId_nextFollowUpAt_idx" ON "Candidate"("assignedCallerId", "nextFollowUpAt");

-- CreateIndex
CREATE INDEX "Candidate_campaignId_region_idx" ON "Candidate"("campaignId", "region");

-- CreateIndex
CREATE INDEX "Candidate_campaignId_enrollment_idx" ON "Candidate"("campaignId", "enrollment");

-- CreateIndex
CREATE INDEX "Candidate_campaignId_name_idx" ON "Candidate"("campaignId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Candidate_campaignId_examNo_key" ON "Candidate"("campaignId", "examNo");

-- CreateIndex
CREATE INDEX "Assignment_candidateId_endedAt_idx" ON "Assignment"("candidateId", "endedAt");

-- CreateIndex
CREATE INDEX "Assignment_callerId_idx" ON "Assignment"("callerId");

-- CreateIndex
CREATE INDEX "Assignment_assignedById_idx" ON "Assignment"("assignedById");

-- CreateIndex
CREATE UNIQUE INDEX "ContactLog_idempotencyKey_key" ON "ContactLog"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ContactLog_candidateId_startedAt_idx" ON "ContactLog"("candidateId", "startedAt");

-- CreateIndex
CREATE INDEX "ContactLog_callerId_startedAt_idx" ON "ContactLog"("callerId", "startedAt");

-- CreateIndex
CREATE INDEX "ContactLog_campaignId_startedAt_idx" ON "ContactLog"("campaignId", "startedAt");

-- CreateIndex
CREATE INDEX "Escalation_candidateId_idx" ON "Escalation"("candidateId");

-- CreateIndex
CREATE INDEX "Escalation_fromUserId_idx" ON "Escalation"("fromUserId");

-- CreateIndex
CREATE INDEX "Escalation_assigneeId_idx" ON "Escalation"("assigneeId");

-- CreateIndex
CREATE INDEX "Escalation_campaignId_toTeam_status_idx" ON "Escalation"("campaignId", "toTeam", "status");

-- CreateIndex
CREATE INDEX "Inspection_inspectorId_idx" ON "Inspection"("inspectorId");

-- CreateIndex
CREATE INDEX "Inspection_campaignId_weekStart_idx" ON "Inspection"("campaignId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_contactLogId_weekStart_key" ON "Inspection"("contactLogId", "weekStart");

-- CreateIndex
CREATE INDEX "Finding_campaignId_kind_idx" ON "Finding"("campaignId", "kind");

-- CreateIndex
CREATE INDEX "Finding_inspectionId_idx" ON "Finding"("inspectionId");

-- CreateIndex
CREATE INDEX "Finding_callerId_idx" ON "Finding"("callerId");

-- CreateIndex
CREATE INDEX "Finding_inspectorId_idx" ON "Finding"("inspectorId");

-- CreateIndex
CREATE INDEX "ImportBatch_createdById_idx" ON "ImportBatch"("createdById");

-- CreateIndex
CREATE INDEX "ImportBatch_campaignId_createdAt_idx" ON "ImportBatch"("campaignId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImportBatch_campaignId_kind_fileHash_key" ON "ImportBatch"("campaignId", "kind", "fileHash");

-- CreateIndex
CREATE INDEX "ImportChange_batchId_idx" ON "ImportChange"("batchId");

-- CreateIndex
CREATE INDEX "ImportChange_candidateId_idx" ON "ImportChange"("candidateId");

-- CreateIndex
CREATE INDEX "WeeklyReport_submittedById_idx" ON "WeeklyReport"("submittedById");

-- CreateIndex
CREATE INDEX "WeeklyReport_campaignId_weekStart_idx" ON "WeeklyReport"("campaignId", "weekStart");

-- CreateIndex
CREATE UNIQUE INDEX "WeeklyReport_groupId_weekStart_key" ON "WeeklyReport"("groupId", "weekStart");

-- CreateIndex
CREATE INDEX "PayoutRun_signedOffById_idx" ON "PayoutRun"("signedOffById");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutRun_campaignId_version_key" ON "PayoutRun"("campaignId", "version");

-- CreateIndex
CREATE INDEX "AuditLog_entityType_entityId_idx" ON "AuditLog"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_login_createdAt_idx" ON "LoginAttempt"("login", "createdAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_ip_createdAt_idx" ON "LoginAttempt"("ip", "createdAt");

-- AddForeignKey
ALTER TABLE "PhaseWindow" ADD CONSTRAINT "PhaseWindow_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Group" ADD CONSTRAINT "Group_leaderId_fkey" FOREIGN KEY ("leaderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffProfile" ADD CONSTRAINT "StaffProfile_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffProfile" ADD CONSTRAINT "StaffProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffProfile" ADD CONSTRAINT "StaffProfile_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffProfile" ADD CONSTRAINT "StaffProfile_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Candidate" ADD CONSTRAINT "Candidate_assignedCallerId_fkey" FOREIGN KEY ("assignedCallerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_assignedById_fkey" FOREIGN KEY ("assignedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactLog" ADD CONSTRAINT "ContactLog_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_contactLogId_fkey" FOREIGN KEY ("contactLogId") REFERENCES "ContactLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_inspectorId_fkey" FOREIGN KEY ("inspectorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportChange" ADD CONSTRAINT "ImportChange_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "Group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WeeklyReport" ADD CONSTRAINT "WeeklyReport_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PayoutRun" ADD CONSTRAINT "PayoutRun_signedOffById_fkey" FOREIGN KEY ("signedOffById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- The audit log is append-only: no code path may rewrite history, so the database refuses it too.
CREATE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();
