import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { validateCreditCode } from '../../domain/credit-code';
import type { Category, LegalForm } from '../../domain/organization-types';
import { type Harness, startHarness } from '../support/harness';
import { http } from '../support/http';
import { act, file, waitFor } from '../support/registration-steps';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.teardown();
});

const CASES: [Category, LegalForm, string][] = [
  ['industry_association', 'social_group', '51'],
  ['science_technology', 'private_non_enterprise', '52'],
  ['public_welfare', 'foundation', '53'],
  ['community_service', 'social_group', '51'],
];

describe('direct registration of each of the four categories, through HTTP', () => {
  it.each(CASES)(
    'given a complete %s application as a %s, when it is accepted and approved at two levels, then a certificate with a valid credit code is issued',
    async (category, legalForm, prefix) => {
      const applicant = await h.newApplicant();
      const { id } = await file(h, applicant, legalForm, category);
      const r1 = await h.login('reviewer1');
      const r2 = await h.login('reviewer2');

      const submitted = await waitFor(
        h,
        r1,
        id,
        (v) => v.trail.some((t) => t.action === 'filed') && v.nameCheck !== null,
      );
      expect(submitted.status).toBe('submitted');
      expect(submitted.findings).toEqual([]);

      const accepted = await act(h, r1, id, 'accept');
      expect(accepted.status).toBe(200);
      expect(accepted.body.status).toBe('first_review');
      expect(accepted.body.receiptNo).toMatch(/^钟民登受字〔\d{4}〕第\d{4}号$/);

      const first = await act(h, r1, id, 'approve', { opinion: '材料齐全，符合条件，拟准予登记' });
      expect(first.body.status).toBe('second_review');

      const second = await act(h, r2, id, 'approve', { opinion: '同意准予登记' });
      expect(second.status).toBe(200);
      expect(second.body.status).toBe('approved');
      const code: string = second.body.creditCode;
      expect(code.slice(0, 8)).toBe(`${prefix}${h.districtCode}`);
      expect(validateCreditCode(code, { expectedDivisionCode: h.districtCode }).valid).toBe(true);

      const cert = await http(h.baseUrl, applicant.token).get(
        `/api/registrations/${id}/certificate`,
      );
      expect(cert.status).toBe(200);
      expect(cert.headers.get('content-type')).toBe('application/pdf');
      expect(String(cert.body).startsWith('%PDF-')).toBe(true);

      const mail = await h.smtp.waitFor(
        (m) => m.to.includes(applicant.email) && m.subject.includes('准予登记'),
      );
      expect(mail.raw).toContain('attachment');
      const org = await h.db.organization.findUniqueOrThrow({
        where: { id: applicant.organizationId },
      });
      expect(org).toMatchObject({ status: 'registered', creditCode: code, legalForm, category });
      const notice = await h.db.announcement.findFirstOrThrow({ where: { subjectId: id } });
      expect(notice.body).toContain(code);
    },
  );
});
