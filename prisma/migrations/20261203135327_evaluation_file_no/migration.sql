-- AlterTable
ALTER TABLE "EvaluationFile" ADD COLUMN     "fileNo" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "EvaluationFile_fileNo_key" ON "EvaluationFile"("fileNo");
