-- CreateTable
CREATE TABLE "DocumentSeal" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "documentKey" TEXT NOT NULL,
    "fileId" UUID,
    "canonical" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentSeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSeal_code_key" ON "DocumentSeal"("code");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentSeal_documentKey_key" ON "DocumentSeal"("documentKey");

-- CreateIndex
CREATE INDEX "DocumentSeal_subjectType_subjectId_idx" ON "DocumentSeal"("subjectType", "subjectId");
