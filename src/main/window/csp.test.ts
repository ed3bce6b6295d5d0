import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_CSP_DIRECTIVES, RENDERER_CSP_META } from './csp';

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
});
