import { describe, expect, it } from '@jest/globals';
import { SubmissionThrottle } from '../../api/public-submission-throttle';
import { ZPublicComplaintRequest } from '../../domain/evaluation/requests';

describe('the public form: one address, a few submissions an hour', () => {
  it('given five submissions within the hour, then the sixth waits until the first leaves the window', () => {
    let now = 1_000_000;
    const t = new SubmissionThrottle(5, 3_600_000, () => now);
    for (let i = 0; i < 5; i++) {
      expect(t.take('1.2.3.4')).toBeNull();
      now += 60_000;
    }
    expect(t.take('1.2.3.4')).toBe(3_600 - 5 * 60);
    expect(t.take('5.6.7.8')).toBeNull();
    now = 1_000_000 + 3_600_001;
    expect(t.take('1.2.3.4')).toBeNull();
  });
});

describe('the public complaint request', () => {
  const base = {
    organizationId: '00000000-0000-4000-8000-000000000001',
    content: '该协会在评估中提交的活动照片系伪造，请予核查。',
  };
  it.each([
    [{ name: '李群众', phone: '13912345678' }, true],
    [{ name: '李群众', phone: '0519-88881234' }, true],
    [{ name: '李群众', email: 'li@example.cn' }, true],
    [{ name: '李群众' }, false],
    [{ name: '李群众', phone: '1391234' }, false],
    [{ name: '', email: 'li@example.cn' }, false],
  ])('given the contact %j, then it is accepted: %s', (contact, ok) => {
    expect(ZPublicComplaintRequest.safeParse({ ...base, contact }).success).toBe(ok);
  });
  it('given both a file and an organisation, then it asks for one subject', () => {
    const r = ZPublicComplaintRequest.safeParse({
      ...base,
      fileId: '00000000-0000-4000-8000-000000000002',
      contact: { name: '李群众', phone: '13912345678' },
    });
    expect(r.success).toBe(false);
  });
});
