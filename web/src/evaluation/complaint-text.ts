import { fileRef } from './labels';
import type { ComplaintSummary } from './types';

export { tallyText } from './file-record';

/** A complaint's short reference, like a file's. */
export const complaintRef = (id: string) => `JB-${id.slice(0, 8).toUpperCase()}`;

/** What a complaint is about, in one line. */
export const subjectText = (
  c: Pick<ComplaintSummary, 'subjectType' | 'fileId' | 'fileNo' | 'organizationName'>,
) =>
  `${c.organizationName ?? '—'}的${
    c.subjectType === 'file' && c.fileId
      ? `评估事项 ${fileRef({ id: c.fileId, fileNo: c.fileNo })}`
      : '评估等级'
  }`;
