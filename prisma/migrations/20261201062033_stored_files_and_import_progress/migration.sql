-- CreateEnum
CREATE TYPE "StoredFileKind" AS ENUM ('LIST_UPLOAD', 'WITHDRAWAL_PHOTO');


-- CreateTable
CREATE TABLE "StoredFile" (
    "id" TEXT NOT NULL,
    "kind" "StoredFileKind" NOT NULL,
    "key" TEXT NOT NULL,
    "campaignId" TEXT,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL DEFAULT 0,
    "sha256" TEXT,
    "completedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFileChunk" (
    "fileId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "StoredFileChunk_pkey" PRIMARY KEY ("fileId","index")
);

-- CreateTable
CREATE TABLE "ImportProgress" (
    "fileHash" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "written" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ImportProgress_pkey" PRIMARY KEY ("fileHash")
);

-- CreateIndex
CREATE INDEX "StoredFile_kind_createdAt_idx" ON "StoredFile"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_campaignId_idx" ON "StoredFile"("campaignId");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_kind_key_key" ON "StoredFile"("kind", "key");

-- Move every withdrawal photo's bytes into a stored file of its own, in chunks of 512 KB, then drop
-- the bytes column. The photo's id names its file, so each photo finds its file again.
ALTER TABLE "WithdrawalPhoto" ADD COLUMN "fileId" TEXT;

INSERT INTO "StoredFile" ("id", "kind", "key", "campaignId", "mimeType", "size", "sha256", "completedAt", "createdAt")
SELECT 'photo-' || p."id", 'WITHDRAWAL_PHOTO', p."id", w."campaignId", p."mimeType", length(p."bytes"),
       encode(sha256(p."bytes"), 'hex'), p."createdAt", p."createdAt"
FROM "WithdrawalPhoto" p JOIN "WithdrawalRequest" w ON w."id" = p."requestId";

INSERT INTO "StoredFileChunk" ("fileId", "index", "bytes")
SELECT 'photo-' || p."id", piece.n, substring(p."bytes" FROM piece.n * 524288 + 1 FOR 524288)
FROM "WithdrawalPhoto" p
CROSS JOIN LATERAL generate_series(0, greatest(ceil(length(p."bytes") / 524288.0)::int - 1, 0)) AS piece(n);

UPDATE "WithdrawalPhoto" SET "fileId" = 'photo-' || "id";

ALTER TABLE "WithdrawalPhoto" ALTER COLUMN "fileId" SET NOT NULL, DROP COLUMN "bytes";

-- CreateIndex
CREATE UNIQUE INDEX "WithdrawalPhoto_fileId_key" ON "WithdrawalPhoto"("fileId");

-- AddForeignKey
ALTER TABLE "WithdrawalPhoto" ADD CONSTRAINT "WithdrawalPhoto_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFileChunk" ADD CONSTRAINT "StoredFileChunk_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A photo removed by any path (its request, its candidate or its campaign deleted) takes its file
-- with it: the foreign key points from the photo to the file, so no cascade does it by itself.
CREATE OR REPLACE FUNCTION "withdrawal_photo_delete_file"() RETURNS trigger AS $$
BEGIN
  DELETE FROM "StoredFile" WHERE "id" = OLD."fileId";
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "withdrawal_photo_delete_file"
AFTER DELETE ON "WithdrawalPhoto"
FOR EACH ROW EXECUTE FUNCTION "withdrawal_photo_delete_file"();
