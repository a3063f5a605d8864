import { chromiumCandidates, fontConfig } from '../support/chromium';

describe('the browser tests’ Chromium', () => {
  it('should use an explicit path alone, without falling back', () => {
    expect(chromiumCandidates('/opt/chrome/chrome')).toEqual([
      { source: 'explicit', file: '/opt/chrome/chrome' },
    ]);
  });

  it('should skip the system Chromium when asked for the bundled one', () => {
    expect(chromiumCandidates('bundled')).toEqual([{ source: 'bundled' }]);
  });

  it('should prefer a system Chromium and end with the npm-shipped one', () => {
    const candidates = chromiumCandidates(undefined);
    expect(candidates[0]).toEqual({ source: 'system', file: '/usr/bin/chromium' });
    expect(candidates.at(-1)).toEqual({ source: 'bundled' });
    expect(candidates.filter((c) => c.source === 'bundled')).toHaveLength(1);
  });

  it('should add the given font folders to the system fontconfig', () => {
    const conf = fontConfig(['/fonts/cjk'], '/cache');
    expect(conf).toContain('<include ignore_missing="yes">/etc/fonts/fonts.conf</include>');
    expect(conf).toContain('<dir>/fonts/cjk</dir>');
    expect(conf).toContain('<cachedir>/cache</cachedir>');
  });
});
