import type { ApplicationInput } from '../domain/registration/application';
import type { DocumentType } from '../domain/registration/documents';
import {
  requiredTypes,
  applicationFor as sample,
  pdfBytes as samplePdf,
} from '../lib/sample-application';

/** What one benchmark registration files: a complete community-service social group. */
export const LEGAL_FORM = 'social_group';
export const DOCUMENT_TYPES: DocumentType[] = requiredTypes(LEGAL_FORM);

export const pdfBytes = (label: string): Uint8Array => new Uint8Array(samplePdf(label));

export function applicationFor(
  documents: { type: DocumentType; fileId: string }[],
  contactEmail: string,
): ApplicationInput {
  return sample(LEGAL_FORM, 'community_service', documents, { contactEmail });
}
