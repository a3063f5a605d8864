-- CreateEnum
CREATE TYPE "CatalogueItemStatus" AS ENUM ('active', 'retired');

-- CreateTable
CREATE TABLE "PurchaseCatalogueItem" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "activeCode" TEXT,
    "catalogueClass" TEXT NOT NULL,
    "level2" TEXT NOT NULL,
    "level3" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "serviceStandard" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "priceBasis" TEXT NOT NULL,
    "undertakerTypes" TEXT[],
    "suitableForSocialOrganizations" BOOLEAN NOT NULL,
    "status" "CatalogueItemStatus" NOT NULL DEFAULT 'active',
    "retiredAt" TIMESTAMPTZ(3),
    "retiredReason" TEXT,
    "previousId" UUID,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PurchaseCatalogueItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PurchaseProject" (
    "id" UUID NOT NULL,
    "projectNo" TEXT NOT NULL,
    "ocid" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "catalogueItemId" UUID NOT NULL,
    "catalogueClass" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "createdById" UUID NOT NULL,
    "budgetFen" BIGINT NOT NULL,
    "budgetYear" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'need_defined',
    "method" TEXT,
    "respondentOrgIds" TEXT[],
    "expertIds" TEXT[],
    "awardedOrgId" UUID,
    "awardedToSocialOrg" BOOLEAN,
    "awardedAmountFen" BIGINT,
    "awardedAt" TIMESTAMPTZ(3),
    "contractAmountFen" BIGINT,
    "contractSignedAt" TIMESTAMPTZ(3),
    "contractEndDate" DATE,
    "paidFen" BIGINT NOT NULL DEFAULT 0,
    "withheldFen" BIGINT NOT NULL DEFAULT 0,
    "closedAt" TIMESTAMPTZ(3),
    "terminatedAt" TIMESTAMPTZ(3),
    "view" JSONB,
    "viewSeq" INTEGER NOT NULL DEFAULT 0,
    "workflowStartedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PurchaseProject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseCatalogueItem_activeCode_key" ON "PurchaseCatalogueItem"("activeCode");

-- CreateIndex
CREATE INDEX "PurchaseCatalogueItem_status_catalogueClass_idx" ON "PurchaseCatalogueItem"("status", "catalogueClass");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseCatalogueItem_code_version_key" ON "PurchaseCatalogueItem"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseProject_projectNo_key" ON "PurchaseProject"("projectNo");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseProject_ocid_key" ON "PurchaseProject"("ocid");

-- CreateIndex
CREATE UNIQUE INDEX "PurchaseProject_workflowId_key" ON "PurchaseProject"("workflowId");

-- CreateIndex
CREATE INDEX "PurchaseProject_status_idx" ON "PurchaseProject"("status");

-- CreateIndex
CREATE INDEX "PurchaseProject_catalogueClass_budgetYear_idx" ON "PurchaseProject"("catalogueClass", "budgetYear");

-- CreateIndex
CREATE INDEX "PurchaseProject_awardedOrgId_idx" ON "PurchaseProject"("awardedOrgId");

-- AddForeignKey
ALTER TABLE "PurchaseProject" ADD CONSTRAINT "PurchaseProject_catalogueItemId_fkey" FOREIGN KEY ("catalogueItemId") REFERENCES "PurchaseCatalogueItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
