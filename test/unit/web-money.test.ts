import { describe, expect, it } from '@jest/globals';
import { yuan, yuanToFen } from '../../web/src/money';

describe('money on the web pages', () => {
  it('given yuan as people type them, then they become integer fen; anything else is NaN', () => {
    expect(yuanToFen('20000')).toBe(2_000_000);
    expect(yuanToFen('12,345.6')).toBe(1_234_560);
    expect(yuanToFen('¥ 0.05')).toBe(5);
    expect(yuanToFen('1.005')).toBeNaN();
    expect(yuanToFen('')).toBeNaN();
    expect(yuanToFen('-3')).toBeNaN();
    expect(yuanToFen()).toBeNaN();
  });

  it('given fen, then yuan reads with two decimals and a dash for none', () => {
    expect(yuan(3_000_000)).toBe('¥30,000.00');
    expect(yuan(5)).toBe('¥0.05');
    expect(yuan(null)).toBe('—');
  });
});
