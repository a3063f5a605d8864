-- AlterTable
ALTER TABLE "CompetitionProposal" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "decisionNo" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "CompetitionProposal_decisionNo_key" ON "CompetitionProposal"("decisionNo");
