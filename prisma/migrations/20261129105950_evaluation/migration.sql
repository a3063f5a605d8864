-- CreateTable
CREATE TABLE "EvaluationCampaign" (
    "id" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "phase" TEXT NOT NULL DEFAULT 'notice',
    "noticeAt" TIMESTAMPTZ(3) NOT NULL,
    "windowOpensAt" TIMESTAMPTZ(3) NOT NULL,
    "windowClosesAt" TIMESTAMPTZ(3) NOT NULL,
    "committeeIds" TEXT[],
    "reviewCommitteeIds" TEXT[],
    "openedById" UUID NOT NULL,
    "closedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationFile" (
    "id" UUID NOT NULL,
    "campaignId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "workflowId" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL,
    "appliedById" UUID NOT NULL,
    "selfScore" INTEGER NOT NULL,
    "selfAssessment" TEXT NOT NULL,
    "evidenceFileIds" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'applied',
    "ineligibleReason" TEXT,
    "agencyId" UUID,
    "finalScore" DOUBLE PRECISION,
    "proposedLevel" INTEGER,
    "decidedLevel" INTEGER,
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "gradeId" UUID,
    "reviewRequestedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAgency" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "districtCode" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationAgency_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationExpert" (
    "accountId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "EvaluationExpert_pkey" PRIMARY KEY ("accountId")
);

-- CreateTable
CREATE TABLE "ExpertEmployment" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,

    CONSTRAINT "ExpertEmployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluationAssignment" (
    "fileId" UUID NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'assigned',
    "declaredAt" TIMESTAMPTZ(3),
    "conflictNote" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluationAssignment_pkey" PRIMARY KEY ("fileId","evaluatorId")
);

-- CreateTable
CREATE TABLE "EvaluationScoreSheet" (
    "fileId" UUID NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "scores" JSONB NOT NULL,
    "total" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationScoreSheet_pkey" PRIMARY KEY ("fileId","evaluatorId")
);

-- CreateTable
CREATE TABLE "EvaluationVote" (
    "fileId" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "round" INTEGER NOT NULL,
    "memberId" UUID NOT NULL,
    "approve" BOOLEAN NOT NULL,
    "votedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EvaluationVote_pkey" PRIMARY KEY ("fileId","body","round","memberId")
);

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCampaign_workflowId_key" ON "EvaluationCampaign"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationCampaign_districtCode_year_key" ON "EvaluationCampaign"("districtCode", "year");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationFile_workflowId_key" ON "EvaluationFile"("workflowId");

-- CreateIndex
CREATE INDEX "EvaluationFile_campaignId_status_idx" ON "EvaluationFile"("campaignId", "status");

-- CreateIndex
CREATE INDEX "EvaluationFile_organizationId_idx" ON "EvaluationFile"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationFile_campaignId_organizationId_key" ON "EvaluationFile"("campaignId", "organizationId");

-- CreateIndex
CREATE INDEX "EvaluationAgency_districtCode_idx" ON "EvaluationAgency"("districtCode");

-- CreateIndex
CREATE INDEX "EvaluationExpert_agencyId_idx" ON "EvaluationExpert"("agencyId");

-- CreateIndex
CREATE INDEX "ExpertEmployment_accountId_idx" ON "ExpertEmployment"("accountId");

-- CreateIndex
CREATE INDEX "ExpertEmployment_organizationId_idx" ON "ExpertEmployment"("organizationId");

-- CreateIndex
CREATE INDEX "EvaluationAssignment_evaluatorId_status_idx" ON "EvaluationAssignment"("evaluatorId", "status");

-- AddForeignKey
ALTER TABLE "EvaluationFile" ADD CONSTRAINT "EvaluationFile_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "EvaluationCampaign"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EvaluationExpert" ADD CONSTRAINT "EvaluationExpert_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "EvaluationAgency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
