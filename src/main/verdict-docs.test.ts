import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_CODES, VERDICTS } from '../core/diagnosis/verdicts';

const doc = readFileSync(resolve(__dirname, '../../docs/verdicts.md'), 'utf8');

describe('docs/verdicts.md', () => {
  it('documents every verdict code under a heading', () => {
    const headings = doc.split('\n').filter((line) => line.startsWith('### '));
    for (const code of VERDICT_CODES) {
      expect(
        headings.some((h) => h.split(/[ /]+/).includes(code)),
        code,
      ).toBe(true);
    }
  });

  it('documents each code under its family', () => {
    const sections = doc.split(/\n## /).slice(1);
    for (const code of VERDICT_CODES) {
      const section = sections.find((s) => new RegExp(`### .*\\b${code}\\b`).test(s));
      expect(section?.split('\n')[0]?.split(' ')[0], code).toBe(VERDICTS[code]);
    }
  });
});
