-- AlterTable
ALTER TABLE "StoredFile" ADD COLUMN     "objectKey" TEXT;

-- CreateTable
CREATE TABLE "StoredObjectDeletion" (
    "objectKey" TEXT NOT NULL,
    "queuedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredObjectDeletion_pkey" PRIMARY KEY ("objectKey")
);

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_objectKey_key" ON "StoredFile"("objectKey");


-- A stored file whose bytes are in the object store queues its object's deletion in the transaction
-- that deletes its row, whatever deletes it (the store, retention, a campaign's or a photo's cascade):
-- the row and its queue entry commit together, so no crash can forget the object. lib/storage drains
-- the queue (after each of its own deletions, and `npm run cli -- retention`).
CREATE OR REPLACE FUNCTION "stored_file_queue_object_deletion"() RETURNS trigger AS $$
BEGIN
  INSERT INTO "StoredObjectDeletion" ("objectKey") VALUES (OLD."objectKey") ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "stored_file_queue_object_deletion"
AFTER DELETE ON "StoredFile"
FOR EACH ROW WHEN (OLD."objectKey" IS NOT NULL) EXECUTE FUNCTION "stored_file_queue_object_deletion"();
