import type { Theme } from '@fluentui/react-components';

/** How much larger text is while screen sharing: a shared window is often seen scaled down. */
export const SCREEN_SHARE_SCALE = 1.25;

/** Scales a pixel length such as "14px"; anything else is returned unchanged. */
function scalePx(value: string, factor: number): string {
  const match = /^(\d+(?:\.\d+)?)px$/.exec(value);
  return match === null ? value : `${String(Math.round(Number(match[1]) * factor))}px`;
}

/**
 * The theme with every font size and line height scaled, for screen-share mode. Done through
 * the theme's tokens, so every Fluent component and every style built on tokens follows.
 */
export function withLargerType(theme: Theme, factor: number = SCREEN_SHARE_SCALE): Theme {
  const scaled: Record<string, string | number> = { ...theme };
  for (const [key, value] of Object.entries(theme)) {
    if ((key.startsWith('fontSize') || key.startsWith('lineHeight')) && typeof value === 'string') {
      scaled[key] = scalePx(value, factor);
    }
  }
  return scaled as unknown as Theme;
}
