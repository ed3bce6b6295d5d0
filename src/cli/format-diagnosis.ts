import type { Diagnosis, Finding } from '../core/diagnosis/model';
import { SYMPTOM_LABELS } from '../core/evidence/symptoms';

function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');
}

function findingBlock(f: Finding): string[] {
  const lines = [
    `VERDICT  ${f.code}  (${f.confidence} confidence, ${f.severity})`,
    indent(f.summary),
    '',
    'Why',
    indent(f.explanation),
    '',
    'Evidence',
  ];
  for (const e of f.evidence) {
    const value = e.field === undefined ? '' : `  ${e.field}${e.value === undefined ? '' : ` = ${e.value}`}`;
    lines.push(`  ${e.source.padEnd(30)} ${e.id}${value}${e.at === undefined ? '' : `  @ ${e.at}`}`);
    if (e.note !== undefined) lines.push(`      ${e.note}`);
  }
  lines.push('', 'Fix (technician, least-permissive first)');
  f.remediation.forEach((r, i) => {
    lines.push(`  ${String(i + 1)}. ${r.title}`);
    if (r.detail !== undefined) lines.push(indent(r.detail, '     '));
    if (r.where !== undefined) lines.push(`     Where: ${r.where}`);
  });
  if (f.userScript !== undefined && f.userScript.length > 0) {
    lines.push('', 'Read to the user');
    f.userScript.forEach((s, i) => {
      lines.push(
        `  ${String(i + 1)}. ${s.say}${s.expect === undefined ? '' : `\n     (They should see: ${s.expect})`}`,
      );
    });
  }
  if (f.wouldChangeMyMind.length > 0)
    lines.push('', 'Would change this verdict', ...f.wouldChangeMyMind.map((w) => `  - ${w}`));
  return lines;
}

/** Renders a diagnosis as plain text for a terminal or a ticket note. */
export function formatDiagnosis(d: Diagnosis): string {
  const s = d.subject;
  const symptom = s.symptom === undefined ? '' : ` — ${SYMPTOM_LABELS[s.symptom]}`;
  const lines = [`${s.upn}${symptom}`, `Window: ${s.since} → ${s.until}`, ''];
  if (d.primary === null) lines.push('No verdict.');
  else lines.push(...findingBlock(d.primary));
  const others = d.findings.filter((f) => f !== d.primary);
  if (others.length > 0)
    lines.push('', 'Other findings', ...others.map((f) => `  - ${f.code} (${f.confidence}): ${f.summary}`));
  if (d.gaps.length > 0) lines.push('', 'Not collected', ...d.gaps.map((g) => `  - ${g.source}: ${g.reason}`));
  lines.push('', `Checked: ${d.checked.join('; ')}`, '');
  return lines.join('\n');
}
