import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownBlock } from './escape-markdown';

describe('escapeMarkdown', () => {
  it.each([
    { name: 'plain text', input: 'Outlook 2016 (MSI) on Windows', expected: 'Outlook 2016 (MSI) on Windows' },
    { name: 'raw HTML', input: '<img src=x onerror=alert(1)>', expected: '&lt;img src=x onerror=alert(1)&gt;' },
    { name: 'a script tag', input: '<script>alert(1)</script>', expected: '&lt;script&gt;alert(1)&lt;/script&gt;' },
    { name: 'an entity', input: 'a &amp; b', expected: 'a &amp;amp; b' },
    { name: 'a javascript: link', input: '[x](javascript:alert(1))', expected: '\\[x&#93;(javascript:alert(1))' },
    { name: 'an image', input: '![a](http://x/y.png)', expected: '!\\[a&#93;(http:\\/\\/x/y.png)' },
    { name: 'a reference definition', input: '[x]: javascript:alert(1)', expected: '\\[x\\]: javascript:alert(1)' },
    { name: 'a placeholder', input: '[other user 1]', expected: '\\[other user 1\\]' },
    { name: 'a heading', input: '# heading', expected: '\\# heading' },
    { name: 'a code fence', input: '```js', expected: '\\`\\`\\`js' },
    { name: 'a tilde fence', input: '~~~', expected: '\\~\\~\\~' },
    { name: 'table pipes', input: '| a | b |', expected: '\\| a \\| b \\|' },
    { name: 'a bullet', input: '- item', expected: '\\- item' },
    { name: 'a plus bullet', input: '+ item', expected: '\\+ item' },
    { name: 'a star bullet', input: '* item', expected: '\\* item' },
    { name: 'an ordered item', input: '1. one', expected: '1\\. one' },
    { name: 'an ordered item with a parenthesis', input: '2) two', expected: '2\\) two' },
    { name: 'a version', input: '1.8.0', expected: '1.8.0' },
    { name: 'a word with a dash', input: '-rf', expected: '-rf' },
    { name: 'a setext underline', input: '===', expected: '\\===' },
    { name: 'a thematic break', input: '---', expected: '\\---' },
    { name: 'a blockquote', input: '> quoted', expected: '&gt; quoted' },
    { name: 'indented code', input: '    code', expected: 'code' },
    { name: 'a verdict code', input: 'LEGACY_AUTH_BLOCKED', expected: 'LEGACY_AUTH_BLOCKED' },
    { name: 'emphasis with underscores', input: '_em_ and snake_', expected: '\\_em\\_ and snake\\_' },
    { name: 'strong emphasis', input: '**b**', expected: '\\*\\*b\\*\\*' },
    { name: 'strikethrough', input: '~~s~~', expected: '\\~\\~s\\~\\~' },
    { name: 'maths', input: '$x$', expected: '\\$x\\$' },
    { name: 'a backslash', input: 'CONTOSO\\jdoe', expected: 'CONTOSO\\\\jdoe' },
    { name: 'a bare URL', input: 'see https://evil.example/a', expected: 'see https:\\/\\/evil.example/a' },
    { name: 'a www address', input: 'www.evil.example', expected: 'www\\.evil.example' },
    { name: 'line breaks', input: 'a\n# b\r\nc', expected: 'a \\# b c' },
    { name: 'control and bidi characters', input: 'a\u202Eb\u0007c\u2066', expected: 'abc' },
  ])('$name', ({ input, expected }) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('markdownBlock', () => {
  it('keeps lines with hard breaks and separates paragraphs', () => {
    expect(markdownBlock('first\nsecond\n\n\nthird')).toBe('first\\\nsecond\n\nthird');
  });

  it('escapes every line, including what would start a block', () => {
    expect(markdownBlock('ok\n# heading\n```\n- item\n    code\n===\n<b>x</b>')).toBe(
      'ok\\\n\\# heading\\\n\\`\\`\\`\\\n\\- item\\\ncode\\\n\\===\\\n&lt;b&gt;x&lt;/b&gt;',
    );
  });

  it('keeps a trailing backslash literal before the hard break', () => {
    expect(markdownBlock('a\\\nb')).toBe('a\\\\\\\nb');
  });

  it('is empty for blank text', () => {
    expect(markdownBlock(' \n\t\n')).toBe('');
  });
});
