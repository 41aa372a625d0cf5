-- CreateEnum
CREATE TYPE "StrikeOutcome" AS ENUM ('HANDED_BACK', 'ENROLLED', 'LOST');

-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "outcome" "StrikeOutcome";


-- Cases closed before this column existed carry their outcome at the head of the resolution text.
UPDATE "Escalation" SET outcome = CASE
    WHEN resolution LIKE '突击组已联系上，交回回访人员跟进%' THEN 'HANDED_BACK'::"StrikeOutcome"
    WHEN resolution LIKE '突击组劝来，考生已报到%' THEN 'ENROLLED'::"StrikeOutcome"
    WHEN resolution LIKE '突击组确认流失%' THEN 'LOST'::"StrikeOutcome"
  END
WHERE status = 'RESOLVED' AND outcome IS NULL;
