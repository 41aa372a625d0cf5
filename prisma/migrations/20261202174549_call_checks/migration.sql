-- CreateEnum
CREATE TYPE "CallCheckKind" AS ENUM ('NUMBER', 'CODE');

-- AlterTable
ALTER TABLE "College" ADD COLUMN     "admissionsPhone" TEXT,
ADD COLUMN     "verifyEnabled" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "CallCheck" (
    "id" TEXT NOT NULL,
    "kind" "CallCheckKind" NOT NULL,
    "ip" TEXT NOT NULL,
    "numberHash" TEXT,
    "matched" BOOLEAN NOT NULL,
    "limited" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallCheckAlert" (
    "id" TEXT NOT NULL,
    "numberHash" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "incidentId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CallCheckAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CallCheck_ip_createdAt_idx" ON "CallCheck"("ip", "createdAt");

-- CreateIndex
CREATE INDEX "CallCheck_numberHash_createdAt_idx" ON "CallCheck"("numberHash", "createdAt");

-- CreateIndex
CREATE INDEX "CallCheck_createdAt_idx" ON "CallCheck"("createdAt");

-- CreateIndex
CREATE INDEX "CallCheckAlert_createdAt_idx" ON "CallCheckAlert"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CallCheckAlert_numberHash_day_key" ON "CallCheckAlert"("numberHash", "day");

