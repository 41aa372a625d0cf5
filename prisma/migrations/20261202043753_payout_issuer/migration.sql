-- AlterTable
ALTER TABLE "PayoutRun" ADD COLUMN     "issuer" TEXT;

