import { createHash } from 'node:crypto';
import type { Db } from '../../lib/db';
import { Refused } from '../refused';

/**
 * An applicant's upload kept with its content hash, the organisation's until an application,
 * project or evaluation refers to it (unreferenced uploads are swept after the policy's time).
 * An upload is material, not a decision: its use is what the trails record.
 */
export async function storeUpload(
  db: Db,
  input: {
    organizationId: string | null | undefined;
    uploadedById: string;
    documentType: string;
    fileName: string;
    mimeType: string;
    content: Buffer;
    /** The account's upload quota, checked once the caller is known to be able to upload. */
    checkQuota: () => Promise<void>;
  },
) {
  if (!input.organizationId) throw new Refused('forbidden', '账号未绑定申请组织');
  await input.checkQuota();
  return db.storedFile.create({
    data: {
      organizationId: input.organizationId,
      uploadedById: input.uploadedById,
      kind: 'upload',
      documentType: input.documentType,
      fileName: input.fileName,
      mimeType: input.mimeType,
      size: input.content.length,
      sha256: createHash('sha256').update(input.content).digest('hex'),
      content: new Uint8Array(input.content),
    },
  });
}
