-- One campaign is the current one: the one every working page and action uses.
ALTER TABLE "Campaign" ADD COLUMN     "isCurrent" BOOLEAN NOT NULL DEFAULT false;

-- At most one current campaign (Prisma does not model partial indexes: kept here, README "Database").
CREATE UNIQUE INDEX "Campaign_one_current" ON "Campaign" ("isCurrent") WHERE "isCurrent";

-- Until now the newest campaign was the current one: it stays so.
UPDATE "Campaign" SET "isCurrent" = true
WHERE id = (SELECT id FROM "Campaign" ORDER BY year DESC, "createdAt" DESC LIMIT 1);
