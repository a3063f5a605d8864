-- AlterTable
ALTER TABLE "EvaluationFile" ADD COLUMN     "disqualification" JSONB,
ADD COLUMN     "profileSnapshot" JSONB,
ADD COLUMN     "scoreCancelled" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "hasPartyOrganization" BOOLEAN,
ADD COLUMN     "partyOrgRecordedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "EvaluationComplaint" (
    "id" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "fileId" UUID,
    "gradeId" UUID,
    "organizationId" UUID NOT NULL,
    "complainantId" UUID NOT NULL,
    "content" TEXT NOT NULL,
    "reviewCommitteeIds" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'filed',
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "dismissReason" TEXT,
    "ruledAt" TIMESTAMPTZ(3),
    "upheld" BOOLEAN,
    "measure" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationComplaint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationComplaintVote" (
    "complaintId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "memberId" UUID NOT NULL,
    "approve" BOOLEAN NOT NULL,
    "votedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationComplaintVote_pkey" PRIMARY KEY ("complaintId","round","memberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationComplaint_workflowId_key" ON "EvaluationComplaint"("workflowId");

-- CreateIndex
CREATE INDEX "EvaluationComplaint_organizationId_idx" ON "EvaluationComplaint"("organizationId");

-- CreateIndex
CREATE INDEX "EvaluationComplaint_fileId_idx" ON "EvaluationComplaint"("fileId");

-- CreateIndex
CREATE INDEX "EvaluationComplaint_complainantId_idx" ON "EvaluationComplaint"("complainantId");

-- CreateIndex
CREATE INDEX "EvaluationComplaint_status_idx" ON "EvaluationComplaint"("status");
