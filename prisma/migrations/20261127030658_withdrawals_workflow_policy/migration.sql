-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "workflowPolicy" JSONB;

-- CreateTable
CREATE TABLE "WithdrawalRequest" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "candidateId" TEXT NOT NULL,
    "callerId" TEXT NOT NULL,
    "status" "WithdrawalStatus" NOT NULL DEFAULT 'AGREED',
    "checklist" TEXT[],
    "submittedAt" TIMESTAMPTZ(3),
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WithdrawalRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WithdrawalPhoto" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WithdrawalPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WithdrawalRequest_candidateId_idx" ON "WithdrawalRequest"("candidateId");

-- CreateIndex
CREATE INDEX "WithdrawalRequest_callerId_idx" ON "WithdrawalRequest"("callerId");

-- CreateIndex
CREATE INDEX "WithdrawalRequest_reviewerId_idx" ON "WithdrawalRequest"("reviewerId");

-- CreateIndex
CREATE INDEX "WithdrawalRequest_campaignId_status_idx" ON "WithdrawalRequest"("campaignId", "status");

-- CreateIndex
CREATE INDEX "WithdrawalPhoto_requestId_idx" ON "WithdrawalPhoto"("requestId");

-- AddForeignKey
ALTER TABLE "WithdrawalRequest" ADD CONSTRAINT "WithdrawalRequest_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalRequest" ADD CONSTRAINT "WithdrawalRequest_candidateId_fkey" FOREIGN KEY ("candidateId") REFERENCES "Candidate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalRequest" ADD CONSTRAINT "WithdrawalRequest_callerId_fkey" FOREIGN KEY ("callerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalRequest" ADD CONSTRAINT "WithdrawalRequest_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WithdrawalPhoto" ADD CONSTRAINT "WithdrawalPhoto_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "WithdrawalRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

