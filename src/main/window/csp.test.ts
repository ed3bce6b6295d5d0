import { describe, expect, it } from 'vitest';
import { DEV_RENDERER_CSP, RENDERER_CSP, RENDERER_CSP_DIRECTIVES, RENDERER_CSP_META } from './csp';

describe('renderer CSP', () => {
  it('forbids network, eval, inline script, plugins, framing and form posts', () => {
    expect(RENDERER_CSP_DIRECTIVES['default-src']).toBe("'none'");
    expect(RENDERER_CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(RENDERER_CSP_DIRECTIVES['connect-src']).toBe("'none'");
    expect(RENDERER_CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(RENDERER_CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
    expect(RENDERER_CSP_DIRECTIVES['form-action']).toBe("'none'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|\*|https?:/);
    expect(RENDERER_CSP_DIRECTIVES['script-src']).not.toContain('unsafe-inline');
  });

  it('leaves header-only directives out of the meta tag', () => {
    expect(RENDERER_CSP).toContain('frame-ancestors');
    expect(RENDERER_CSP_META).not.toContain('frame-ancestors');
    expect(RENDERER_CSP_META).toContain("script-src 'self'");
  });

  it('relaxes only script-src and connect-src for the dev server (React refresh preamble, HMR socket on loopback)', () => {
    const directives = (csp: string): Map<string, string> =>
      new Map(csp.split('; ').map((d) => [d.slice(0, d.indexOf(' ')), d.slice(d.indexOf(' ') + 1)]));
    const dev = directives(DEV_RENDERER_CSP);
    const prod = directives(RENDERER_CSP);
    const changed = [...dev.keys()].filter((k) => dev.get(k) !== prod.get(k)).sort();
    expect(changed).toEqual(['connect-src', 'script-src']);
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:* ws://127.0.0.1:*");
    expect(dev.get('script-src')).not.toMatch(/unsafe-eval/);
    expect([...dev.keys()].sort()).toEqual([...prod.keys()].sort());
  });
});
