-- AlterEnum
ALTER TYPE "StoredFileKind" ADD VALUE 'CONTACT_EVIDENCE';

-- AlterTable
ALTER TABLE "Inspection" ADD COLUMN     "citedEvidenceId" TEXT;

-- CreateTable
CREATE TABLE "ContactEvidence" (
    "id" TEXT NOT NULL,
    "contactLogId" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContactEvidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContactEvidence_fileId_key" ON "ContactEvidence"("fileId");

-- CreateIndex
CREATE INDEX "ContactEvidence_contactLogId_createdAt_idx" ON "ContactEvidence"("contactLogId", "createdAt");

-- AddForeignKey
ALTER TABLE "ContactEvidence" ADD CONSTRAINT "ContactEvidence_contactLogId_fkey" FOREIGN KEY ("contactLogId") REFERENCES "ContactLog"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactEvidence" ADD CONSTRAINT "ContactEvidence_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_citedEvidenceId_fkey" FOREIGN KEY ("citedEvidenceId") REFERENCES "ContactEvidence"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- CreateIndex
CREATE INDEX "Inspection_citedEvidenceId_idx" ON "Inspection"("citedEvidenceId");

-- A screenshot removed by any path (its log, its candidate or its campaign deleted, retention) takes its
-- file with it: the foreign key points from the screenshot to the file, so no cascade does it by itself.
CREATE OR REPLACE FUNCTION "contact_evidence_delete_file"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "StoredFile" WHERE "id" = OLD."fileId";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "contact_evidence_delete_file"
AFTER DELETE ON "ContactEvidence"
FOR EACH ROW EXECUTE FUNCTION "contact_evidence_delete_file"();
