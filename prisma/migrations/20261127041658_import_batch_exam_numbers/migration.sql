-- AlterTable
ALTER TABLE "ImportBatch" ADD COLUMN     "examNos" TEXT[];

