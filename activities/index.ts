import type { Config } from '../lib/config';
import type { Db } from '../lib/db';
import { resolveSigningKey } from '../lib/document-signing-key';
import { createCompetitionActivities } from './competition';
import { createSealer, type Sealer } from './documents/seal-document';
import { createEvaluationActivities } from './evaluation';
import { makeNotify } from './mail/notify';
import type { Outbox } from './mail/outbox';
import { createPurchaseActivities } from './purchase';
import { makeBarReapplication } from './registration/bar-reapplication';
import { makeCheckRegistrationName } from './registration/check-registration-name';
import { makeAllocateCreditCode, makeIssueCertificate } from './registration/issue-certificate';
import { makeIssueRegistrationOutputs } from './registration/issue-outputs';
import { makeIssueReceiptNumber } from './registration/issue-receipt-number';
import { makeIssueRegistrationDocument } from './registration/issue-registration-document';
import { makeLoadRegistrationRules } from './registration/load-rules';
import { makePublishRegistrationAnnouncement } from './registration/publish-announcement';
import {
  makeRecordRegistration,
  makeRecordRegistrationStep,
} from './registration/record-registration';

export interface ActivityDeps {
  db: Db;
  outbox: Outbox;
  config: Pick<
    Config,
    | 'DISTRICT_CODE'
    | 'AUTHORITY_NAME'
    | 'AUTHORITY_SHORT_NAME'
    | 'publicUrl'
    | 'DOCUMENT_SIGNING_KEY'
    | 'DATA_DIR'
    | 'NODE_ENV'
  >;
  /** Seals issued documents; by default with the configured key (lib/document-signing-key.ts). */
  sealer?: Sealer;
  /** The activities' clock (workflows pass their own times wherever a decision depends on it). */
  now?: () => number;
}

/** Every activity, built over its ports; the worker registers this object, workflows proxy its type. */
export function createActivities(deps: ActivityDeps) {
  const { db, outbox, config } = deps;
  const now = deps.now ?? Date.now;
  const sealer = deps.sealer ?? createSealer(resolveSigningKey(config), config.publicUrl);
  const mailOptions = { portalUrl: config.publicUrl, authority: config.AUTHORITY_NAME };
  const issuer = {
    authority: config.AUTHORITY_NAME,
    districtCode: config.DISTRICT_CODE,
    sealer,
  };
  const issueRegistrationDocument = makeIssueRegistrationDocument(db, {
    authority: config.AUTHORITY_NAME,
    shortName: config.AUTHORITY_SHORT_NAME,
    sealer,
  });
  const issueCertificate = makeIssueCertificate(db, issuer);
  return {
    loadRegistrationRules: makeLoadRegistrationRules(db, config.DISTRICT_CODE),
    checkRegistrationName: makeCheckRegistrationName(db),
    recordRegistration: makeRecordRegistration(db),
    issueReceiptNumber: makeIssueReceiptNumber(db, config.AUTHORITY_SHORT_NAME, now),
    issueRegistrationDocument,
    issueCertificate,
    allocateCreditCode: makeAllocateCreditCode(db, issuer),
    issueRegistrationOutputs: makeIssueRegistrationOutputs(db, outbox, {
      issueDocument: issueRegistrationDocument,
      issueCertificate,
      mail: mailOptions,
    }),
    publishRegistrationAnnouncement: makePublishRegistrationAnnouncement(db, config.AUTHORITY_NAME),
    barReapplication: makeBarReapplication(db),
    recordRegistrationStep: makeRecordRegistrationStep(db, outbox, mailOptions),
    notify: makeNotify(db, outbox, mailOptions),
    ...createPurchaseActivities({ ...deps, sealer }),
    ...createCompetitionActivities({ ...deps, sealer }),
    ...createEvaluationActivities({ ...deps, sealer }),
  };
}

export type Activities = ReturnType<typeof createActivities>;
