import type { Application } from '../../domain/registration/application';
import type { Db } from '../../lib/db';
import type { DocumentContext } from '../../workflows/registration/outputs';
import type { IssuedDocument } from '../../workflows/registration/view-types';
import { mailEntries, type NotifyInput } from '../mail/notify';
import type { Outbox } from '../mail/outbox';
import { enqueueMails } from '../mail/outbox';
import type { makeIssueCertificate } from './issue-certificate';
import type { makeIssueRegistrationDocument } from './issue-registration-document';

/**
 * What a decision issues after it is recorded (patch `registration-outputs-after-decision`): the
 * PDFs (each keyed by its effect key, so a retry returns the stored file) and then the mails
 * that carry them (outbox keys as `notify` gives them). One activity, so a step adds three
 * history events, not three per document and mail.
 */
export function makeIssueRegistrationOutputs(
  db: Db,
  outbox: Outbox,
  deps: {
    issueDocument: ReturnType<typeof makeIssueRegistrationDocument>;
    issueCertificate: ReturnType<typeof makeIssueCertificate>;
    mail: { portalUrl: string; authority: string };
  },
) {
  return async function issueRegistrationOutputs(input: {
    registrationId: string;
    organizationId: string;
    documents: { key: string; context: DocumentContext }[];
    certificate?: { key: string; application: Application; bodyPrefix: string; issuedAt: number };
    /** Mails whose attachments are the documents issued here (filled in by this activity). */
    mails: NotifyInput[];
  }): Promise<{ documents: IssuedDocument[]; certificateFileId: string | null }> {
    const ids = { registrationId: input.registrationId, organizationId: input.organizationId };
    const documents: IssuedDocument[] = [];
    for (const d of input.documents) documents.push(await deps.issueDocument({ ...ids, ...d }));
    let certificateFileId: string | null = null;
    if (input.certificate) {
      const cert = await deps.issueCertificate({ ...ids, ...input.certificate });
      certificateFileId = cert.certificateFileId;
      documents.push(cert.document);
    }
    const issued = documents.map((d) => d.fileId);
    const entries = [];
    for (const m of input.mails) {
      const withFiles = m.audience.some((a) => a.kind === 'applicant');
      entries.push(
        ...(await mailEntries(db, { ...m, attachmentFileIds: withFiles ? issued : [] }, deps.mail)),
      );
    }
    await enqueueMails(db, entries);
    if (entries.length > 0) outbox.dispatchSoon(entries.map((e) => e.key));
    return { documents, certificateFileId };
  };
}
