/*
 * The report's one style sheet, inlined into the HTML (no files, no fonts, no network). Written
 * for print first, since the PDF is this HTML printed by Chromium: A4 with margins, light
 * backgrounds only (toner, and dark pages read badly on paper), headings kept with what follows,
 * rows and steps never split across pages, table headers repeated on each page. On a screen it
 * is the same page, centred.
 */

/** The report's CSS. */
export const REPORT_CSS = `
@page { size: A4; margin: 16mm 14mm 16mm 14mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { background: #ffffff; color: #1f2328; font: 10pt/1.45 "Segoe UI", "Helvetica Neue", "Liberation Sans", Arial, sans-serif; }
body { margin: 0 auto; max-width: 182mm; padding: 10mm 0 14mm; }
@media screen { body { padding-left: 6mm; padding-right: 6mm; } }
@media print { body { max-width: none; padding: 0; } }
h1 { font-size: 17pt; line-height: 1.2; margin: 0 0 3mm; overflow-wrap: anywhere; }
h2 { font-size: 12.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #d0d7de; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 2mm; }
ul, ol { margin: 0 0 2mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8pt; color: #57606a; margin-bottom: 1mm; }
.facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 2mm 5mm; margin: 0 0 2mm; padding: 3mm 4mm; border: 0.75pt solid #d0d7de; border-radius: 2mm; background: #f6f8fa; }
.facts div { min-width: 0; }
.facts dt { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.05em; color: #57606a; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.mono, .code { font-family: "Cascadia Mono", "DejaVu Sans Mono", "Liberation Mono", Consolas, monospace; font-size: 8.5pt; overflow-wrap: break-word; }
.code { font-weight: 700; font-size: 10pt; }
.none { color: #8c959f; }
.muted { color: #57606a; }
.notice { border: 0.75pt solid #d4a72c; border-left: 4pt solid #bf8700; background: #fff8c5; padding: 3mm 4mm; margin: 4mm 0; border-radius: 1.5mm; break-inside: avoid; page-break-inside: avoid; }
.notice-title { font-weight: 700; font-size: 11pt; margin-bottom: 1mm; }
.verdict { border: 0.75pt solid #d0d7de; border-left: 4pt solid #57606a; border-radius: 1.5mm; padding: 3mm 4mm; break-inside: avoid; page-break-inside: avoid; }
.verdict.sev-critical { border-left-color: #a40e26; }
.verdict.sev-high { border-left-color: #cf222e; }
.verdict.sev-medium { border-left-color: #bf8700; }
.verdict.sev-low { border-left-color: #0969da; }
.verdict.sev-info { border-left-color: #57606a; }
.verdict .summary { font-size: 12pt; font-weight: 600; margin: 2mm 0; }
.badges { display: flex; flex-wrap: wrap; gap: 1.5mm; align-items: center; margin: 0; }
.badge { display: inline-block; border: 0.75pt solid #d0d7de; border-radius: 4mm; padding: 0.3mm 2.5mm; font-size: 8pt; background: #ffffff; color: #1f2328; white-space: nowrap; }
.badge.sev-critical, .badge.sev-high { border-color: #cf222e; color: #a40e26; background: #ffebe9; }
.badge.sev-medium { border-color: #bf8700; color: #7d4e00; background: #fff8c5; }
.badge.sev-low { border-color: #0969da; color: #0550ae; background: #ddf4ff; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 0 0 2mm; table-layout: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th { text-align: left; font-weight: 600; background: #f6f8fa; border-bottom: 1pt solid #d0d7de; padding: 1.2mm 1.5mm; }
td { border-bottom: 0.5pt solid #e6e9ed; padding: 1.2mm 1.5mm; vertical-align: top; overflow-wrap: break-word; word-break: normal; }
td.code-cell { font-size: 8pt; }
td.nowrap { white-space: nowrap; }
.outcome-failure, .outcome-denied { color: #a40e26; font-weight: 600; }
.outcome-success { color: #116329; }
.outcome-challenge { color: #7d4e00; }
.checklist, .walkthrough { list-style: none; padding-left: 0; }
.step { display: grid; grid-template-columns: 6mm 1fr; gap: 0 2mm; padding: 2mm 0; border-bottom: 0.5pt solid #e6e9ed; break-inside: avoid; page-break-inside: avoid; }
.box { width: 4mm; height: 4mm; margin-top: 0.6mm; border: 1pt solid #57606a; border-radius: 0.8mm; position: relative; }
.done .box { border-color: #116329; background: #dafbe1; }
.done .box::after { content: ""; position: absolute; left: 1.15mm; top: 0.2mm; width: 1.1mm; height: 2.2mm; border: solid #116329; border-width: 0 0.5mm 0.5mm 0; transform: rotate(45deg); }
.step-title { font-weight: 600; }
.state { font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.05em; margin-left: 2mm; color: #57606a; }
.done .state { color: #116329; }
.where { color: #57606a; font-size: 8.5pt; }
.number { font-weight: 700; color: #57606a; }
.say { margin-bottom: 0.5mm; }
.expect { color: #57606a; font-size: 8.5pt; }
.notes { border: 0.75pt solid #d0d7de; border-radius: 1.5mm; padding: 3mm 4mm; background: #ffffff; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.75pt solid #d0d7de; font-size: 8pt; color: #57606a; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
`;
