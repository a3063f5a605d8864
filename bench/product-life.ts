import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DocumentType } from '../domain/registration/documents';
import type { RegistrationView } from '../workflows/registration/view-types';
import { type Account, PASSWORD } from './accounts';
import { type ApiClient, apiClient, login } from './api-client';
import { applicationFor, DOCUMENT_TYPES, pdfBytes } from './application';

export const PRODUCT_STEPS = [
  'life',
  'file',
  'firstStep',
  'accept',
  'approve1',
  'approve2',
] as const;
export type ProductLife = Record<(typeof PRODUCT_STEPS)[number], number> & {
  registrationId: string;
};

export interface Applicant {
  api: ApiClient;
  email: string;
  documents: { type: DocumentType; fileId: string }[];
}

const FIRST_STEP_TIMEOUT_MS = 60_000;

/** Signs the applicant in and uploads every required document; returns each upload's time. */
export async function prepareApplicant(
  baseUrl: string,
  account: Account,
): Promise<{ applicant: Applicant; uploadMs: number[] }> {
  const api = apiClient(baseUrl, await login(baseUrl, account.username, PASSWORD));
  const documents = [];
  const uploadMs = [];
  for (const type of DOCUMENT_TYPES) {
    const form = new FormData();
    form.set('documentType', type);
    form.set('file', new Blob([pdfBytes(type)], { type: 'application/pdf' }), `${type}.pdf`);
    const t = performance.now();
    const file = await api.call<{ id: string }>('POST', '/api/files', { body: form, expect: 201 });
    uploadMs.push(performance.now() - t);
    documents.push({ type, fileId: file.id });
  }
  return { applicant: { api, email: account.email, documents }, uploadMs };
}

async function waitForFirstStep(reviewer: ApiClient, id: string, pollMs: number): Promise<void> {
  const deadline = Date.now() + FIRST_STEP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { view } = await reviewer.call<{ view: RegistrationView | null }>(
      'GET',
      `/api/registrations/${id}`,
    );
    if (view?.nameCheck) return;
    await sleep(pollMs);
  }
  throw new Error(`registration ${id}: no name check after ${FIRST_STEP_TIMEOUT_MS} ms`);
}

/** Files, waits for the automatic checks, accepts and approves at two levels, all over HTTP. */
export async function productLife(
  applicant: Applicant,
  reviewers: [ApiClient, ApiClient],
  pollMs: number,
): Promise<ProductLife> {
  const [r1, r2] = reviewers;
  const t0 = performance.now();
  const { id } = await applicant.api.call<{ id: string }>('POST', '/api/registrations', {
    body: applicationFor(applicant.documents, applicant.email),
    headers: { 'Idempotency-Key': randomUUID() },
    expect: 201,
  });
  const t1 = performance.now();
  await waitForFirstStep(r1, id, pollMs);
  const t2 = performance.now();
  const decide = (r: ApiClient, action: string, body: object) =>
    r.call<RegistrationView>('POST', `/api/registrations/${id}/${action}`, { body });
  await decide(r1, 'accept', {});
  const t3 = performance.now();
  await decide(r1, 'approve', { opinion: '材料齐全，符合条件，拟准予登记' });
  const t4 = performance.now();
  const done = await decide(r2, 'approve', { opinion: '同意准予登记' });
  const t5 = performance.now();
  if (done.status !== 'approved' || !done.creditCode)
    throw new Error(`registration ${id} ended in ${done.status} without a credit code`);
  return {
    registrationId: id,
    life: t5 - t0,
    file: t1 - t0,
    firstStep: t2 - t1,
    accept: t3 - t2,
    approve1: t4 - t3,
    approve2: t5 - t4,
  };
}

export const loginReviewer = async (baseUrl: string, username: string) =>
  apiClient(baseUrl, await login(baseUrl, username, PASSWORD));
