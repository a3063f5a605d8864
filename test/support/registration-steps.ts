import { expect } from '@jest/globals';
import type { Category, LegalForm } from '../../domain/organization-types';
import type { DocumentType } from '../../domain/registration/documents';
import type { RegistrationView } from '../../workflows/registration/view-types';
import { applicationFor, pdfBytes, requiredTypes } from './fixtures';
import type { Harness } from './harness';
import { http } from './http';

/** The steps people take, over HTTP, shared by the registration test files. */

export async function upload(
  h: Harness,
  token: string,
  type: DocumentType,
): Promise<{ type: DocumentType; fileId: string }> {
  const form = new FormData();
  form.set('documentType', type);
  form.set(
    'file',
    new Blob([new Uint8Array(pdfBytes(type))], { type: 'application/pdf' }),
    `${type}.pdf`,
  );
  const res = await http(h.baseUrl, token).post('/api/files', form);
  expect(res.status).toBe(201);
  return { type, fileId: res.body.id };
}

export async function uploadAll(h: Harness, token: string, types: DocumentType[]) {
  const out = [];
  for (const t of types) out.push(await upload(h, token, t));
  return out;
}

export async function file(
  h: Harness,
  applicant: { token: string; email: string },
  legalForm: LegalForm,
  category: Category,
  opts: { omit?: DocumentType[]; name?: string } = {},
) {
  const types = requiredTypes(legalForm).filter((t) => !opts.omit?.includes(t));
  const docs = await uploadAll(h, applicant.token, types);
  const application = applicationFor(legalForm, category, docs, {
    contactEmail: applicant.email,
    name: opts.name,
  });
  const res = await http(h.baseUrl, applicant.token).post('/api/registrations', application, {
    'Idempotency-Key': `key-${Buffer.from(application.name).toString('hex')}`,
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, application, docs };
}

/** Waits until the workflow has done its automatic first step (checks, receipt mail). */
export async function view(h: Harness, token: string, id: string): Promise<RegistrationView> {
  const res = await http(h.baseUrl, token).get(`/api/registrations/${id}`);
  expect(res.status).toBe(200);
  return res.body.view;
}

export async function waitFor(
  h: Harness,
  token: string,
  id: string,
  until: (v: RegistrationView) => boolean,
  timeoutMs = 20_000,
): Promise<RegistrationView> {
  const end = Date.now() + timeoutMs;
  let last: RegistrationView | null = null;
  while (Date.now() < end) {
    last = await view(h, token, id).catch(() => null);
    if (last && until(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `registration ${id} did not reach the expected state; last: ${last?.status} ${JSON.stringify(last?.trail.map((t) => t.action))}`,
  );
}

export const act = (h: Harness, token: string, id: string, action: string, body: unknown = {}) =>
  http(h.baseUrl, token).post(`/api/registrations/${id}/${action}`, body);
