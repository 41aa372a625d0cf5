-- CreateEnum
CREATE TYPE "ScriptDocument" AS ENUM ('MANUAL', 'PHASE_1', 'PHASE_2', 'PHASE_3', 'PHASE_4');

-- CreateTable
CREATE TABLE "ScriptVersion" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "document" "ScriptDocument" NOT NULL,
    "version" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScriptVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ScriptVersion_authorId_idx" ON "ScriptVersion"("authorId");

-- CreateIndex
CREATE UNIQUE INDEX "ScriptVersion_campaignId_document_version_key" ON "ScriptVersion"("campaignId", "document", "version");

-- AddForeignKey
ALTER TABLE "ScriptVersion" ADD CONSTRAINT "ScriptVersion_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScriptVersion" ADD CONSTRAINT "ScriptVersion_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

