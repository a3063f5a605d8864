-- AlterTable
ALTER TABLE "CompetitionAssignment" ADD COLUMN     "replacesJudgeId" UUID;
