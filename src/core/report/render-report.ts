import type { IncidentReport } from './incident-report';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderTicket } from './render-ticket';
import type { ReportFormat } from './report-types';

/**
 * Renders a report in a text format. PDF is not one: it is `renderHtml`'s document printed by
 * Chromium, which only the app and the CLI have.
 */
export function renderReport(report: IncidentReport, format: Exclude<ReportFormat, 'pdf'>): string {
  switch (format) {
    case 'html':
      return renderHtml(report);
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'ticket':
      return renderTicket(report);
  }
}
