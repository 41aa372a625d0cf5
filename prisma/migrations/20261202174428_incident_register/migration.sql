-- CreateEnum
CREATE TYPE "IncidentKind" AS ENUM ('BUREAU_COMPLAINT', 'SOCIAL_MEDIA', 'PARENT_COMPLAINT', 'STAFF_MISCONDUCT', 'IMPERSONATION', 'OTHER');

-- CreateEnum
CREATE TYPE "IncidentSeverity" AS ENUM ('GENERAL', 'SERIOUS', 'GRAVE');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('OPEN', 'HANDLING', 'CLOSED');

-- CreateEnum
CREATE TYPE "IncidentSource" AS ENUM ('STAFF', 'SYSTEM');

-- AlterEnum
ALTER TYPE "ViolationKind" ADD VALUE 'SLANDER';

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "patrolId" TEXT;

-- CreateTable
CREATE TABLE "Incident" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "kind" "IncidentKind" NOT NULL,
    "severity" "IncidentSeverity" NOT NULL,
    "status" "IncidentStatus" NOT NULL DEFAULT 'OPEN',
    "source" "IncidentSource" NOT NULL DEFAULT 'STAFF',
    "reporterId" TEXT,
    "reportedBy" TEXT,
    "reportedAt" TIMESTAMPTZ(3) NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "ownerId" TEXT,
    "closingNote" TEXT,
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncidentCandidate" (
    "incidentId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,

    CONSTRAINT "IncidentCandidate_pkey" PRIMARY KEY ("incidentId","candidateId")
);

-- CreateTable
CREATE TABLE "IncidentStaff" (
    "incidentId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "IncidentStaff_pkey" PRIMARY KEY ("incidentId","userId")
);

-- CreateTable
CREATE TABLE "IncidentAction" (
    "id" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "authorId" TEXT,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT NOT NULL,
    "status" "IncidentStatus",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IncidentAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Patrol" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "present" TEXT NOT NULL,
    "observations" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Patrol_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Incident_campaignId_status_severity_idx" ON "Incident"("campaignId", "status", "severity");

-- CreateIndex
CREATE INDEX "Incident_reporterId_idx" ON "Incident"("reporterId");

-- CreateIndex
CREATE INDEX "Incident_ownerId_idx" ON "Incident"("ownerId");

-- CreateIndex
CREATE INDEX "IncidentCandidate_candidateId_idx" ON "IncidentCandidate"("candidateId");

-- CreateIndex
CREATE INDEX "IncidentStaff_userId_idx" ON "IncidentStaff"("userId");

-- CreateIndex
CREATE INDEX "IncidentAction_incidentId_takenAt_idx" ON "IncidentAction"("incidentId", "takenAt");

-- CreateIndex
CREATE INDEX "IncidentAction_authorId_idx" ON "IncidentAction"("authorId");

-- CreateIndex
CREATE INDEX "Patrol_campaignId_day_idx" ON "Patrol"("campaignId", "day");

-- CreateIndex
CREATE INDEX "Patrol_recordedById_idx" ON "Patrol"("recordedById");

-- CreateIndex
CREATE INDEX "Finding_patrolId_idx" ON "Finding"("patrolId");

-- AddForeignKey
ALTER TABLE "Finding" ADD CONSTRAINT "Finding_patrolId_fkey" FOREIGN KEY ("patrolId") REFERENCES "Patrol"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentCandidate" ADD CONSTRAINT "IncidentCandidate_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentCandidate" ADD CONSTRAINT "IncidentCandidate_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentStaff" ADD CONSTRAINT "IncidentStaff_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentStaff" ADD CONSTRAINT "IncidentStaff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentAction" ADD CONSTRAINT "IncidentAction_incidentId_fkey" FOREIGN KEY ("incidentId") REFERENCES "Incident"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IncidentAction" ADD CONSTRAINT "IncidentAction_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Patrol" ADD CONSTRAINT "Patrol_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

