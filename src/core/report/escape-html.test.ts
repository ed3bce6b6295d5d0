import { describe, expect, it } from 'vitest';
import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it.each([
    { input: 'plain', expected: 'plain' },
    { input: '&', expected: '&amp;' },
    { input: '<', expected: '&lt;' },
    { input: '>', expected: '&gt;' },
    { input: '"', expected: '&quot;' },
    { input: "'", expected: '&#39;' },
    { input: '&amp;', expected: '&amp;amp;' },
    { input: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { input: '<img src=x onerror=alert(1)>', expected: '&lt;img src=x onerror=alert(1)&gt;' },
    { input: '"><svg onload=alert(1)>', expected: '&quot;&gt;&lt;svg onload=alert(1)&gt;' },
    { input: "' autofocus onfocus='x", expected: '&#39; autofocus onfocus=&#39;x' },
    { input: 'javascript:alert(1)', expected: 'javascript:alert(1)' },
    { input: 'a\u202Eb\u2066c\u0007d\u0085e', expected: 'abcde' },
    { input: 'line\nbreak', expected: 'line\nbreak' },
  ])('$input', ({ input, expected }) => {
    expect(escapeHtml(input)).toBe(expected);
  });

  it('leaves no character that could open a tag, end an attribute or start a reference', () => {
    const all = Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(i)).join('');
    const out = escapeHtml(all);
    expect(out.replace(/&(?:amp|lt|gt|quot|#39);/g, '')).not.toMatch(/[&<>"']/);
  });
});
