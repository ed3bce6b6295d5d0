import { cleanLine, cleanText } from './sanitize-text';

/*
 * Markdown (CommonMark with GitHub's extensions) gives meaning to much of ASCII punctuation, and
 * a report quotes user agents, display names, reasons and notes. Every character of data that
 * could start markup is made literal:
 *
 * - `& < >` become character references: a raw `<` could open HTML, and a reference is never
 *   markup. So does a `]` right before `(`, so the raw text holds no "](" for a careless converter
 *   to link up.
 * - `` \ ` * ~ | $ # [ ] `` get a backslash: escapes, code spans, emphasis, strikethrough, table
 *   cells, GitHub's maths, headings, links.
 * - `_` gets one unless it sits between two ASCII letters or digits, where CommonMark never reads
 *   it as emphasis; so verdict codes such as LEGACY_AUTH_BLOCKED stay searchable in the file.
 * - At the start of a line, leading blanks are dropped (four would make a code block), and a
 *   bullet, an ordered-list number ("1. ") or a line of `-` or `=` (which would underline the line
 *   before it as a heading) is escaped.
 * - "://" and "www." are broken with a backslash: GitHub links bare URLs by itself, and the
 *   report has no links built from data.
 */

const ALNUM = /^[A-Za-z0-9]$/;

function escapeCharacter(c: string, offset: number, text: string): string {
  switch (c) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case ']':
      // "](" is how a link ends: a reference there leaves no "](" in the raw text at all.
      return text[offset + 1] === '(' ? '&#93;' : '\\]';
    case '_':
      return ALNUM.test(text[offset - 1] ?? '') && ALNUM.test(text[offset + 1] ?? '') ? c : '\\_';
    default:
      return `\\${c}`;
  }
}

/** Escapes what may start markup at the start of a line (the text is already escaped inline). */
function escapeLineStart(line: string): string {
  const text = line.replace(/^[ \t]+/, '');
  // A bullet ("- ", "+ "), or a line of "-" or "=" that would underline the one before it.
  if (/^[-+](?:\s|$)/.test(text) || /^[-=][-=\s]*$/.test(text)) return `\\${text}`;
  const ordered = /^(\d{1,9})([.)])(?=\s|$)/.exec(text);
  if (ordered?.[1] !== undefined && ordered[2] !== undefined) {
    return `${ordered[1]}\\${ordered[2]}${text.slice(ordered[0].length)}`;
  }
  return text;
}

/**
 * Escapes data for one line of Markdown: a table cell, a list item, a heading, text after a
 * label. Line breaks become spaces (a cell cannot hold one), control and bidi characters are
 * removed, and the result renders as the literal text whatever it held.
 */
export function escapeMarkdown(text: string): string {
  const inline = cleanLine(text)
    .replace(/[&<>[\]\\`*~|$#_]/g, escapeCharacter)
    .replace(/:\/\//g, ':\\/\\/')
    .replace(/\b(www)\./gi, '$1\\.');
  return escapeLineStart(inline);
}

/**
 * Escapes multi-line data (the technician's notes, an explanation) as Markdown paragraphs: each
 * line is escaped as by {@link escapeMarkdown} and ends in a hard line break, so the lines stay
 * as they were typed; blank lines separate paragraphs.
 */
export function markdownBlock(text: string): string {
  const paragraphs: string[][] = [[]];
  for (const line of cleanText(text).split('\n')) {
    const escaped = escapeMarkdown(line);
    const current = paragraphs[paragraphs.length - 1];
    if (escaped === '') {
      if (current !== undefined && current.length > 0) paragraphs.push([]);
    } else {
      current?.push(escaped);
    }
  }
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\\\n'))
    .join('\n\n');
}
