import { describe, expect, it } from 'vitest';
import { webLightTheme } from '@fluentui/react-components';
import { withLargerType } from './larger-type';

describe('withLargerType', () => {
  it('scales every font size and line height, and nothing else', () => {
    const large = withLargerType(webLightTheme, 1.25);
    expect(webLightTheme.fontSizeBase300).toBe('14px');
    expect(large.fontSizeBase300).toBe('18px');
    expect(large.lineHeightBase300).toBe('25px');
    expect(large.fontSizeHero1000).toBe('85px');
    expect(large.colorNeutralBackground1).toBe(webLightTheme.colorNeutralBackground1);
    expect(large.spacingHorizontalM).toBe(webLightTheme.spacingHorizontalM);
    expect(large.fontFamilyBase).toBe(webLightTheme.fontFamilyBase);
  });

  it('leaves the original theme untouched', () => {
    const before = webLightTheme.fontSizeBase300;
    withLargerType(webLightTheme);
    expect(webLightTheme.fontSizeBase300).toBe(before);
  });
});
