-- CreateEnum
CREATE TYPE "Role" AS ENUM ('applicant', 'reviewer', 'section_head', 'bureau_head', 'evaluator', 'purchaser', 'administrator');

-- CreateEnum
CREATE TYPE "LegalForm" AS ENUM ('social_group', 'private_non_enterprise', 'foundation');

-- CreateEnum
CREATE TYPE "Category" AS ENUM ('industry_association', 'science_technology', 'public_welfare', 'community_service');

-- CreateEnum
CREATE TYPE "OrganizationStatus" AS ENUM ('forming', 'registered', 'deregistered', 'banned');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('filed', 'submitted', 'correction_required', 'not_accepted', 'first_review', 'second_review', 'returned', 'preparing', 'approved', 'rejected', 'withdrawn', 'lapsed');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('pending', 'sending', 'sent', 'uncertain');

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "status" "OrganizationStatus" NOT NULL DEFAULT 'forming',
    "legalForm" "LegalForm",
    "category" "Category",
    "creditCode" CHAR(18),
    "registeredAt" TIMESTAMPTZ(3),
    "domicile" TEXT,
    "legalRepresentative" TEXT,
    "reapplicationBarredUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organizationId" UUID,
    "passwordHash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "applicationNo" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "organizationId" UUID NOT NULL,
    "filedById" UUID NOT NULL,
    "proposedName" TEXT NOT NULL,
    "category" "Category" NOT NULL,
    "legalForm" "LegalForm" NOT NULL,
    "status" "RegistrationStatus" NOT NULL DEFAULT 'filed',
    "step" TEXT NOT NULL DEFAULT 'filed',
    "ruleVersion" TEXT,
    "receiptNo" TEXT,
    "filedAt" TIMESTAMPTZ(3) NOT NULL,
    "acceptedAt" TIMESTAMPTZ(3),
    "decidedAt" TIMESTAMPTZ(3),
    "dueAt" TIMESTAMPTZ(3),
    "promisedDueAt" TIMESTAMPTZ(3),
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "awaitingRole" "Role",
    "assigneeId" UUID,
    "creditCode" CHAR(18),
    "certificateFileId" UUID,
    "decisionFileId" UUID,
    "applicationVersion" INTEGER NOT NULL DEFAULT 1,
    "view" JSONB,
    "viewSeq" INTEGER NOT NULL DEFAULT 0,
    "workflowStartedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationVersion" (
    "id" UUID NOT NULL,
    "registrationId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "data" JSONB NOT NULL,
    "submittedById" UUID NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "workflowId" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "actorId" UUID,
    "actorName" TEXT NOT NULL,
    "actorRole" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT,
    "reason" TEXT,
    "legalBasis" TEXT,
    "ruleVersion" TEXT,
    "details" JSONB,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMail" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB,
    "status" "MailStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "claimedAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "organizationId" UUID,
    "uploadedById" UUID,
    "kind" TEXT NOT NULL,
    "documentType" TEXT,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "content" BYTEA NOT NULL,
    "generationKey" TEXT,
    "docNo" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Announcement" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "channels" TEXT[],
    "publishedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Announcement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "accountId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" CHAR(64) NOT NULL,
    "resourceId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("accountId","key")
);

-- CreateTable
CREATE TABLE "RuleSet" (
    "id" UUID NOT NULL,
    "process" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "settings" JSONB NOT NULL,
    "note" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RuleSet_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HolidayCalendarYear" (
    "year" INTEGER NOT NULL,
    "daysOff" TEXT[],
    "makeupWorkdays" TEXT[],
    "source" TEXT NOT NULL,
    "loadedById" UUID,
    "loadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HolidayCalendarYear_pkey" PRIMARY KEY ("year")
);

-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_creditCode_key" ON "Organization"("creditCode");

-- CreateIndex
CREATE INDEX "Organization_status_idx" ON "Organization"("status");

-- CreateIndex
CREATE INDEX "Organization_name_idx" ON "Organization"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Account_username_key" ON "Account"("username");

-- CreateIndex
CREATE INDEX "Account_role_idx" ON "Account"("role");

-- CreateIndex
CREATE INDEX "Account_organizationId_idx" ON "Account"("organizationId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_applicationNo_key" ON "Registration"("applicationNo");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_workflowId_key" ON "Registration"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Registration_receiptNo_key" ON "Registration"("receiptNo");

-- CreateIndex
CREATE INDEX "Registration_organizationId_idx" ON "Registration"("organizationId");

-- CreateIndex
CREATE INDEX "Registration_status_dueAt_idx" ON "Registration"("status", "dueAt");

-- CreateIndex
CREATE INDEX "Registration_category_legalForm_idx" ON "Registration"("category", "legalForm");

-- CreateIndex
CREATE INDEX "Registration_assigneeId_idx" ON "Registration"("assigneeId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationVersion_registrationId_version_key" ON "ApplicationVersion"("registrationId", "version");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_subjectType_subjectId_seq_key" ON "AuditEntry"("subjectType", "subjectId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMail_key_key" ON "OutboxMail"("key");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMail_messageId_key" ON "OutboxMail"("messageId");

-- CreateIndex
CREATE INDEX "OutboxMail_status_nextAttemptAt_idx" ON "OutboxMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "StoredFile_generationKey_key" ON "StoredFile"("generationKey");

-- CreateIndex
CREATE INDEX "StoredFile_organizationId_idx" ON "StoredFile"("organizationId");

-- CreateIndex
CREATE INDEX "StoredFile_sha256_idx" ON "StoredFile"("sha256");

-- CreateIndex
CREATE UNIQUE INDEX "Announcement_key_key" ON "Announcement"("key");

-- CreateIndex
CREATE INDEX "Announcement_publishedAt_idx" ON "Announcement"("publishedAt");

-- CreateIndex
CREATE INDEX "RuleSet_process_effectiveFrom_idx" ON "RuleSet"("process", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "RuleSet_process_version_key" ON "RuleSet"("process", "version");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationVersion" ADD CONSTRAINT "ApplicationVersion_registrationId_fkey" FOREIGN KEY ("registrationId") REFERENCES "Registration"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoredFile" ADD CONSTRAINT "StoredFile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;
