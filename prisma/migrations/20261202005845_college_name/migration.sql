-- The college running this deployment: its name heads the payout statements and the login page, its short
-- name the browser title. One deployment serves one college, so the table holds one row or none (not set
-- yet).
CREATE TABLE "College" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "College_pkey" PRIMARY KEY ("id")
);

-- Prisma cannot declare a CHECK: added by hand. The row is always id 1 (the app upserts that id), so a
-- second college can never appear beside it, whatever writes to the table.
ALTER TABLE "College" ADD CONSTRAINT "College_one_row" CHECK ("id" = 1);
