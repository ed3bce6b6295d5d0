import { cleanText } from './sanitize-text';

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes data for HTML text and for a quoted attribute value: `& < > " '` become character
 * references, after {@link cleanText} has removed control and bidi characters. The one escape the
 * HTML renderer uses for every string that did not come from its own source code.
 */
export function escapeHtml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
