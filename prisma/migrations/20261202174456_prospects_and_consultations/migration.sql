-- CreateEnum
CREATE TYPE "ConsultationChannel" AS ENUM ('OFFICE_PHONE', 'ONLINE', 'WECHAT', 'QQ');

-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "prospectPolicy" JSONB;

-- CreateTable
CREATE TABLE "Prospect" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "examNo" TEXT,
    "phone" TEXT,
    "region" TEXT,
    "candidateId" TEXT,
    "matchedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Prospect_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "prospectId" TEXT NOT NULL,
    "consultantId" TEXT NOT NULL,
    "channel" "ConsultationChannel" NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Consultation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceRegistration" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "prospectId" TEXT NOT NULL,
    "registrarId" TEXT NOT NULL,
    "registeredOn" DATE NOT NULL,
    "number" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SourceRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Prospect_candidateId_key" ON "Prospect"("candidateId");

-- CreateIndex
CREATE INDEX "Prospect_campaignId_examNo_idx" ON "Prospect"("campaignId", "examNo");

-- CreateIndex
CREATE INDEX "Prospect_campaignId_phone_idx" ON "Prospect"("campaignId", "phone");

-- CreateIndex
CREATE INDEX "Consultation_campaignId_consultantId_createdAt_idx" ON "Consultation"("campaignId", "consultantId", "createdAt");

-- CreateIndex
CREATE INDEX "Consultation_prospectId_idx" ON "Consultation"("prospectId");

-- CreateIndex
CREATE INDEX "Consultation_consultantId_idx" ON "Consultation"("consultantId");

-- CreateIndex
CREATE INDEX "SourceRegistration_campaignId_registrarId_idx" ON "SourceRegistration"("campaignId", "registrarId");

-- CreateIndex
CREATE INDEX "SourceRegistration_registrarId_idx" ON "SourceRegistration"("registrarId");

-- CreateIndex
CREATE INDEX "SourceRegistration_prospectId_idx" ON "SourceRegistration"("prospectId");

-- CreateIndex
CREATE UNIQUE INDEX "SourceRegistration_campaignId_number_key" ON "SourceRegistration"("campaignId", "number");

-- AddForeignKey
ALTER TABLE "Prospect" ADD CONSTRAINT "Prospect_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Prospect" ADD CONSTRAINT "Prospect_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Consultation" ADD CONSTRAINT "Consultation_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRegistration" ADD CONSTRAINT "SourceRegistration_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRegistration" ADD CONSTRAINT "SourceRegistration_prospectId_fkey" FOREIGN KEY ("prospectId") REFERENCES "Prospect"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceRegistration" ADD CONSTRAINT "SourceRegistration_registrarId_fkey" FOREIGN KEY ("registrarId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

