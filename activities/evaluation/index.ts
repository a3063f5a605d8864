import type { ActivityDeps } from '../index';
import { makeApplyComplaintMeasure } from './apply-complaint-measure';
import { makeAssignExperts } from './assign-experts';
import { makeAwardGrade } from './award-grade';
import {
  makeCountOpenFiles,
  makeListFilesToStart,
  makeRecordCampaignPhase,
} from './campaign-records';
import { makeDowngradeGrade, makeEndGrade } from './grade-records';
import { makeLoadApplicationProfile, makeLoadProfileSnapshot } from './load-profile';
import { makeLoadEvaluationRules } from './load-rules';
import { makeNotifyEvaluation } from './notify';
import {
  makePublishCampaignNotice,
  makePublishEvaluationAnnouncement,
} from './publish-announcement';
import { makeRecordComplaint, makeRecordComplaintVote } from './record-complaint';
import { makeRecordEvaluationFile } from './record-file';
import { makeRecordAssignment, makeRecordVote, makeStoreSubmittedSheet } from './record-panel';

/** The tiered evaluation's activities (DOMAIN §4), over the same ports as every process. */
export function createEvaluationActivities(deps: ActivityDeps) {
  const { db, outbox, config } = deps;
  return {
    loadEvaluationRules: makeLoadEvaluationRules(db, config.DISTRICT_CODE),
    loadProfileSnapshot: makeLoadProfileSnapshot(db),
    loadApplicationProfile: makeLoadApplicationProfile(db),
    recordEvaluationFile: makeRecordEvaluationFile(db),
    assignExperts: makeAssignExperts(db, config.DISTRICT_CODE),
    recordAssignment: makeRecordAssignment(db),
    storeSubmittedSheet: makeStoreSubmittedSheet(db),
    recordVote: makeRecordVote(db),
    awardGrade: makeAwardGrade(db, config.AUTHORITY_NAME, deps.sealer),
    publishEvaluationAnnouncement: makePublishEvaluationAnnouncement(db),
    publishCampaignNotice: makePublishCampaignNotice(db, config.DISTRICT_CODE),
    notifyEvaluation: makeNotifyEvaluation(db, outbox, config.AUTHORITY_NAME),
    recordCampaignPhase: makeRecordCampaignPhase(db),
    listFilesToStart: makeListFilesToStart(db),
    countOpenFiles: makeCountOpenFiles(db),
    downgradeGrade: makeDowngradeGrade(db),
    endGrade: makeEndGrade(db),
    recordComplaint: makeRecordComplaint(db),
    recordComplaintVote: makeRecordComplaintVote(db),
    applyComplaintMeasure: makeApplyComplaintMeasure(db),
  };
}
