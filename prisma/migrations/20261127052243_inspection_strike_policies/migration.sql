-- AlterTable
ALTER TABLE "Campaign" ADD COLUMN     "inspectionPolicy" JSONB,
ADD COLUMN     "strikePolicy" JSONB;

