import type { ReactNode } from 'react';
import { Badge, Card, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Finding } from '../../../core/diagnosis/model';
import { CONFIDENCE_LABELS, FAMILY_LABELS, SEVERITY_LABELS } from './wizard-labels';

const useStyles = makeStyles({
  card: { gap: tokens.spacingVerticalS },
  family: { color: tokens.colorNeutralForeground3, margin: 0 },
  summary: { margin: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
  flush: { margin: 0 },
});

/** The colour of a severity badge. */
function severityColor(finding: Finding): 'danger' | 'warning' | 'informative' | 'success' {
  switch (finding.severity) {
    case 'critical':
    case 'high':
      return 'danger';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return finding.family === 'none' ? 'success' : 'informative';
  }
}

/**
 * The primary finding: one sentence to say on the call, how sure the engine is, the stable
 * code (what tickets and scripts key on), and the explanation.
 */
export function FindingCard({ finding }: { readonly finding: Finding }): ReactNode {
  const styles = useStyles();
  return (
    <Card className={styles.card} aria-labelledby="verdict-summary" data-verdict={finding.code}>
      <Text as="p" size={200} weight="semibold" className={styles.family}>
        {FAMILY_LABELS[finding.family]}
      </Text>
      <Text as="p" size={500} weight="semibold" id="verdict-summary" className={styles.summary}>
        {finding.summary}
      </Text>
      <div className={styles.badges}>
        <Badge appearance="outline" className={styles.code} data-testid="verdict-code">
          {finding.code}
        </Badge>
        <Badge appearance="tint" color={finding.confidence === 'high' ? 'brand' : 'warning'}>
          {CONFIDENCE_LABELS[finding.confidence]}
        </Badge>
        <Badge appearance="tint" color={severityColor(finding)}>
          {SEVERITY_LABELS[finding.severity]}
        </Badge>
      </div>
      <Text as="p" className={styles.flush}>
        {finding.explanation}
      </Text>
    </Card>
  );
}
