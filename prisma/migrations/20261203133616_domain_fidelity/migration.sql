-- AlterTable
ALTER TABLE "EvaluationCampaign" ADD COLUMN     "applicationsClosedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "EvaluationComplaint" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "contactPhone" TEXT,
ALTER COLUMN "complainantId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "EvaluationFile" ADD COLUMN     "panelShortBy" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "budgetFundedStaffing" BOOLEAN,
ADD COLUMN     "budgetFundingRecordedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "PurchaseProject" ADD COLUMN     "purchaserKind" TEXT NOT NULL DEFAULT 'state_organ';
