import { describe, expect, it } from '@jest/globals';
import { settingMeta } from '../../domain/policy-labels';
import { describeValue, numberText, parseNumber } from '../../web/src/admin/policy-values';

describe('the security policy in the rule form', () => {
  const quota = settingMeta('security', 'uploads.bytesPerAccountPerDay');

  it('given the daily upload volume kept in bytes, then it is shown and typed in whole MB', () => {
    expect(quota?.label).toBe('每个账号每日上传总量');
    expect(numberText(quota, 500 * 1024 * 1024)).toBe('500');
    expect(parseNumber(quota, true, '200')).toEqual({ ok: true, value: 200 * 1024 * 1024 });
    expect(describeValue('security', 'uploads.bytesPerAccountPerDay', 524_288_000)).toBe('500MB');
  });

  it('given a part of a MB or nothing positive, then the form says so before the API is asked', () => {
    expect(parseNumber(quota, true, '0.5')).toEqual({
      ok: false,
      message: '「0.5」不是正整数（MB）',
    });
    expect(parseNumber(quota, true, '0')).toEqual({ ok: false, message: '「0」不是正整数（MB）' });
  });

  it('given the idle timeout, then it reads in minutes', () => {
    expect(describeValue('security', 'sessions.idleMinutes', 30)).toBe('30分钟');
  });
});
