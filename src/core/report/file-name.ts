import { fileStamp } from './format-time';
import type { IncidentReport } from './incident-report';
import type { ReportFormat } from './report-types';

/*
 * File names and media types of exported reports. A name is built from data (the UPN, the
 * verdict code), so it is sanitised to a conservative set every file system and mail gateway
 * accepts: no separators (no path traversal), no leading dot (no hidden file), bounded length.
 */

/** The longest file name offered, extension included. */
export const MAX_FILE_NAME_LENGTH = 120;

/** The extension of each format; the ticket text is plain text. */
export const REPORT_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  pdf: 'pdf',
  html: 'html',
  md: 'md',
  json: 'json',
  ticket: 'txt',
};

const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
  ticket: 'text/plain; charset=utf-8',
};

/** The name used when nothing of a name is left after sanitising. */
const FALLBACK_NAME = 'signin-triage-report';

/**
 * Sanitises `base` into a file name with `extension`: accents are dropped (é → e), every run of
 * characters outside `A-Z a-z 0-9 . _ @ -` becomes one "-", runs of dots and dashes collapse (to
 * one dot, or one dash when they mix, so no ".." is left), no
 * dot or dash leads or ends the name, and the whole is at most {@link MAX_FILE_NAME_LENGTH}
 * characters. An empty result falls back to "signin-triage-report".
 */
export function sanitizeFileName(base: string, extension: string): string {
  const ext = extension.replace(/[^A-Za-z0-9]/g, '').slice(0, 10);
  const suffix = ext === '' ? '' : `.${ext}`;
  const trim = (name: string): string => name.replace(/^[.-]+/, '').replace(/[.-]+$/, '');
  let name = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._@-]+/g, '-')
    .replace(/[.-]{2,}/g, (run) => (/^\.+$/.test(run) ? '.' : '-'));
  name = trim(trim(name).slice(0, MAX_FILE_NAME_LENGTH - suffix.length));
  return `${name === '' ? FALLBACK_NAME : name}${suffix}`;
}

/**
 * The file name offered for a report, e.g.
 * "signin-triage-20261121-2315-jdoe-contoso.com-LEGACY_AUTH_BLOCKED.pdf": when it was generated
 * (UTC, so two exports of one incident do not collide), whose it is ("@" as "-", which mail
 * clients and ticket attachments handle better) and the verdict code.
 */
export function reportFileName(report: IncidentReport, format: ReportFormat): string {
  const parts = [
    'signin-triage',
    fileStamp(report.generatedAt),
    report.subject.upn.replace(/@/g, '-'),
    report.verdict?.code ?? 'NO_VERDICT',
  ];
  return sanitizeFileName(parts.filter((p) => p !== '').join('-'), REPORT_EXTENSIONS[format]);
}

/** The media type of a format, for a save dialog, a download or a mail attachment. */
export function reportMediaType(format: ReportFormat): string {
  return MEDIA_TYPES[format];
}
