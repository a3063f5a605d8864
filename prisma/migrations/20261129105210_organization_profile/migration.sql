-- CreateEnum
CREATE TYPE "SupervisionMode" AS ENUM ('direct', 'dual');

-- CreateEnum
CREATE TYPE "InspectionResult" AS ENUM ('pass', 'basic_pass', 'fail', 'missing');

-- CreateEnum
CREATE TYPE "GradeStatus" AS ENUM ('active', 'downgraded', 'cancelled', 'expired', 'superseded');

-- CreateEnum
CREATE TYPE "AwardingLevel" AS ENUM ('district', 'city', 'province', 'national');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'committee_member';
ALTER TYPE "Role" ADD VALUE 'agency';
ALTER TYPE "Role" ADD VALUE 'judge';
ALTER TYPE "Role" ADD VALUE 'finance';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "abnormalListedAt" TIMESTAMPTZ(3),
ADD COLUMN     "dishonestListedAt" TIMESTAMPTZ(3),
ADD COLUMN     "email" TEXT,
ADD COLUMN     "investigationNote" TEXT,
ADD COLUMN     "legacyCertificateNo" TEXT,
ADD COLUMN     "supervisionMode" "SupervisionMode" NOT NULL DEFAULT 'direct',
ADD COLUMN     "supervisoryUnit" TEXT,
ADD COLUMN     "underInvestigationSince" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "AnnualInspection" (
    "organizationId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "result" "InspectionResult" NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "AnnualInspection_pkey" PRIMARY KEY ("organizationId","year")
);

-- CreateTable
CREATE TABLE "Penalty" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "decisionNo" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "executedOn" DATE,
    "description" TEXT,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" UUID,

    CONSTRAINT "Penalty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grade" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "awardingLevel" "AwardingLevel" NOT NULL,
    "awardedOn" DATE NOT NULL,
    "expiresOn" DATE NOT NULL,
    "status" "GradeStatus" NOT NULL DEFAULT 'active',
    "activeFor" UUID,
    "endedOn" DATE,
    "endReason" TEXT,
    "source" TEXT NOT NULL,
    "sourceId" TEXT,
    "previousId" UUID,
    "certificateFileId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Grade_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Penalty_organizationId_decidedOn_idx" ON "Penalty"("organizationId", "decidedOn");

-- CreateIndex
CREATE UNIQUE INDEX "Penalty_organizationId_decisionNo_key" ON "Penalty"("organizationId", "decisionNo");

-- CreateIndex
CREATE UNIQUE INDEX "Grade_activeFor_key" ON "Grade"("activeFor");

-- CreateIndex
CREATE INDEX "Grade_organizationId_awardedOn_idx" ON "Grade"("organizationId", "awardedOn");

-- CreateIndex
CREATE INDEX "Grade_status_expiresOn_idx" ON "Grade"("status", "expiresOn");

-- AddForeignKey
ALTER TABLE "AnnualInspection" ADD CONSTRAINT "AnnualInspection_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Penalty" ADD CONSTRAINT "Penalty_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grade" ADD CONSTRAINT "Grade_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
