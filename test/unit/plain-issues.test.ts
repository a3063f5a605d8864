import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { installPlainIssues, labelAt } from '../../domain/plain-issues';
import { contractTermsSchema } from '../../domain/purchase/contract-terms-schema';

installPlainIssues();

const messages = (schema: z.ZodType, input: unknown) =>
  (schema.safeParse(input).error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);

describe('plain zh-CN validation messages', () => {
  const schema = z.object({
    amount: z.number().int().min(1),
    day: z.iso.date(),
    kinds: z.array(z.enum(['a', 'b'])).min(1),
    name: z.string().min(2).max(4),
    code: z.string().regex(/^\d{6}$/),
    mail: z.email(),
  });

  it('given wrong values, then each message quotes the value and says what is wrong, without the validator’s words', () => {
    const out = messages(schema, {
      amount: 1.5,
      day: '2026-02-30',
      kinds: [],
      name: '一二三四五',
      code: '3204',
      mail: 'x@',
    });
    expect(out).toEqual([
      ['amount', '「1.5」不是整数'],
      ['day', '「2026-02-30」不是有效的日期'],
      ['kinds', '至少1项'],
      ['name', '不能超过4个字（现为5个字）'],
      ['code', '「3204」的格式不对'],
      ['mail', '「x@」不是有效的电子邮箱地址'],
    ]);
    for (const [, m] of out) expect(m).not.toMatch(/array|string|int\b|ISO|正则|期望|YYYY/);
  });

  it('given missing values, then the message asks for them', () => {
    expect(messages(schema, {}).map(([, m]) => m)).toEqual([
      '请填写',
      '请填写',
      '请至少填写一项',
      '请填写',
      '请填写',
      '请填写',
    ]);
  });

  it('given a number too small or a choice not offered, then the value is named', () => {
    expect(messages(z.object({ n: z.number().min(0) }), { n: -1 })).toEqual([
      ['n', '「-1」不能小于0'],
    ]);
    expect(messages(z.object({ e: z.enum(['x']) }), { e: 'y' })).toEqual([
      ['e', '「y」不是可选的值'],
    ]);
    expect(messages(z.object({ n: z.number() }), { n: 'abc' })).toEqual([['n', '「abc」不是数字']]);
  });

  it('given a schema’s own message, then it is kept', () => {
    expect(messages(z.object({ c: z.string().regex(/^\d$/, '须为一位数字') }), { c: 'x' })).toEqual(
      [['c', '须为一位数字']],
    );
  });
});

describe('the field names of a schema', () => {
  it('given titles on fields, nested and in lists, then the label at a path is found through optional and default wrappers', () => {
    const s = z.object({
      a: z.number().meta({ title: '金额' }).optional(),
      rows: z.array(z.object({ d: z.string().meta({ title: '日期' }).default('') })),
      plain: z.string(),
    });
    expect(labelAt(s, ['a'])).toBe('金额');
    expect(labelAt(s, ['rows', 2, 'd'])).toBe('日期');
    expect(labelAt(s, ['plain'])).toBeNull();
    expect(labelAt(s, ['missing'])).toBeNull();
  });

  it('given the contract terms, then every field a purchaser fills has a Chinese name', () => {
    for (const path of [
      ['startDate'],
      ['endDate'],
      ['amountFen'],
      ['performanceBondFen'],
      ['milestones', 0, 'title'],
      ['milestones', 0, 'dueDate'],
      ['tranches', 0, 'percent'],
    ])
      expect([path.join('.'), labelAt(contractTermsSchema, path)]).toEqual([
        path.join('.'),
        expect.stringMatching(/^[\u4e00-\u9fa5（）]+$/),
      ]);
  });
});
