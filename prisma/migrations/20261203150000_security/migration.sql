-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Role" ADD VALUE 'security_admin';
ALTER TYPE "Role" ADD VALUE 'auditor';

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "mfaEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "mfaLastStep" INTEGER,
ADD COLUMN     "mfaPendingSecret" TEXT,
ADD COLUMN     "mfaSecret" TEXT,
ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "chainSeq" BIGINT,
ADD COLUMN     "hash" CHAR(64),
ADD COLUMN     "prevHash" CHAR(64);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "stage" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "endedAt" TIMESTAMPTZ(3),
    "endReason" TEXT,
    "sourceIp" TEXT NOT NULL,
    "userAgent" TEXT,

    CONSTRAINT "AuthSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MfaRecoveryCode" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "lookup" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MfaRecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginFailure" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "LoginFailure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "accountId" UUID,
    "username" TEXT,
    "role" TEXT,
    "sourceIp" TEXT NOT NULL,
    "userAgent" TEXT,
    "method" TEXT,
    "path" TEXT,
    "details" JSONB,
    "chainSeq" BIGINT,
    "prevHash" CHAR(64),
    "hash" CHAR(64),

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EvaluatorSeat" (
    "subjectType" TEXT NOT NULL,
    "subjectId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "assignedById" UUID NOT NULL,
    "assignedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EvaluatorSeat_pkey" PRIMARY KEY ("subjectType","subjectId","accountId")
);

-- CreateIndex
CREATE INDEX "AuthSession_accountId_endedAt_idx" ON "AuthSession"("accountId", "endedAt");

-- CreateIndex
CREATE INDEX "AuthSession_endedAt_lastSeenAt_idx" ON "AuthSession"("endedAt", "lastSeenAt");

-- CreateIndex
CREATE INDEX "MfaRecoveryCode_accountId_lookup_idx" ON "MfaRecoveryCode"("accountId", "lookup");

-- CreateIndex
CREATE INDEX "LoginFailure_username_at_idx" ON "LoginFailure"("username", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_source_at_idx" ON "LoginFailure"("source", "at");

-- CreateIndex
CREATE INDEX "LoginFailure_at_idx" ON "LoginFailure"("at");

-- CreateIndex
CREATE INDEX "RateCounter_windowStart_idx" ON "RateCounter"("windowStart");

-- CreateIndex
CREATE UNIQUE INDEX "SecurityEvent_chainSeq_key" ON "SecurityEvent"("chainSeq");

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

-- CreateIndex
CREATE INDEX "SecurityEvent_accountId_at_idx" ON "SecurityEvent"("accountId", "at");

-- CreateIndex
CREATE INDEX "SecurityEvent_kind_at_idx" ON "SecurityEvent"("kind", "at");

-- CreateIndex
CREATE INDEX "EvaluatorSeat_accountId_subjectType_idx" ON "EvaluatorSeat"("accountId", "subjectType");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_chainSeq_key" ON "AuditEntry"("chainSeq");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE INDEX "StoredFile_uploadedById_createdAt_idx" ON "StoredFile"("uploadedById", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_kind_createdAt_idx" ON "StoredFile"("kind", "createdAt");

-- AddForeignKey
ALTER TABLE "AuthSession" ADD CONSTRAINT "AuthSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MfaRecoveryCode" ADD CONSTRAINT "MfaRecoveryCode_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hash chains (等保 2.0 安全审计: audit records protected from deletion and change).
-- Every row of "AuditEntry" and of "SecurityEvent" is chained to the row before it in its table.
-- A BEFORE INSERT trigger takes the chain's transaction-scoped lock (held until commit, so
-- concurrent writers line up one after another and the chain cannot fork), reads the head and
-- sets chainSeq, prevHash and hash = sha256(prevHash || the row's canonical JSON). An insert
-- skipped by ON CONFLICT DO NOTHING (a retried activity) leaves no gap: the next one reads the
-- same head. Updates, deletes and TRUNCATE are refused. lib/audit-chain.ts verifies with the
-- same digest functions. Times enter the digest as epoch milliseconds (columns keep ms), so the
-- session's time zone does not matter.

CREATE FUNCTION audit_entry_digest(e "AuditEntry") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(e."prevHash" || jsonb_build_object(
    'chainSeq', e."chainSeq", 'id', e."id", 'subjectType', e."subjectType",
    'subjectId', e."subjectId", 'seq', e."seq", 'workflowId', e."workflowId",
    'at', floor(extract(epoch FROM e."at") * 1000)::bigint,
    'actorId', e."actorId", 'actorName', e."actorName", 'actorRole', e."actorRole",
    'action', e."action", 'fromStatus', e."fromStatus", 'toStatus', e."toStatus",
    'reason', e."reason", 'legalBasis', e."legalBasis", 'ruleVersion', e."ruleVersion",
    'details', e."details",
    'recordedAt', floor(extract(epoch FROM e."recordedAt") * 1000)::bigint
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION security_event_digest(e "SecurityEvent") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(e."prevHash" || jsonb_build_object(
    'chainSeq', e."chainSeq", 'id', e."id",
    'at', floor(extract(epoch FROM e."at") * 1000)::bigint,
    'kind', e."kind", 'outcome', e."outcome", 'accountId', e."accountId",
    'username', e."username", 'role', e."role", 'sourceIp', e."sourceIp",
    'userAgent', e."userAgent", 'method', e."method", 'path', e."path", 'details', e."details"
  )::text, 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_entry_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash char(64);
BEGIN
  -- A later snapshot is what makes the head the committed one: refuse anything but the default.
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'AuditEntry is chained under READ COMMITTED only, not %',
      current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(20261203, 1);
  SELECT "chainSeq", "hash" INTO head_seq, head_hash
    FROM "AuditEntry" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := COALESCE(head_seq, 0) + 1;
  NEW."prevHash" := COALESCE(head_hash, repeat('0', 64));
  NEW."hash" := audit_entry_digest(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION security_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head_seq bigint;
  head_hash char(64);
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'SecurityEvent is chained under READ COMMITTED only, not %',
      current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(20261203, 2);
  SELECT "chainSeq", "hash" INTO head_seq, head_hash
    FROM "SecurityEvent" WHERE "chainSeq" IS NOT NULL ORDER BY "chainSeq" DESC LIMIT 1;
  NEW."chainSeq" := COALESCE(head_seq, 0) + 1;
  NEW."prevHash" := COALESCE(head_hash, repeat('0', 64));
  NEW."hash" := security_event_digest(NEW);
  RETURN NEW;
END $$;

CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;

-- Entries written before this migration join the chain in the order they were recorded.
DO $$
DECLARE
  r record;
  prev char(64) := repeat('0', 64);
  n bigint := 0;
BEGIN
  FOR r IN SELECT "id" FROM "AuditEntry"
           ORDER BY "recordedAt", "at", "subjectType", "subjectId", "seq" LOOP
    n := n + 1;
    UPDATE "AuditEntry" SET "chainSeq" = n, "prevHash" = prev WHERE "id" = r."id";
    UPDATE "AuditEntry" a SET "hash" = audit_entry_digest(a) WHERE a."id" = r."id"
      RETURNING a."hash" INTO prev;
  END LOOP;
END $$;

CREATE TRIGGER audit_chain BEFORE INSERT ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION audit_entry_chain();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

CREATE TRIGGER security_chain BEFORE INSERT ON "SecurityEvent"
  FOR EACH ROW EXECUTE FUNCTION security_event_chain();
CREATE TRIGGER security_append_only BEFORE UPDATE OR DELETE ON "SecurityEvent"
  FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER security_no_truncate BEFORE TRUNCATE ON "SecurityEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
