import type { ReactNode } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Diagnosis, TimelineEntry } from '../../../core/diagnosis/model';
import { SCREEN_SHARE_SCALE } from '../screen-share/larger-type';
import { LazyTimelineChart } from '../timeline/lazy-timeline-chart';
import { SubjectLine } from './collecting-step';
import { ConsoleLinksPanel } from './console-links-panel';
import { EvidenceList } from './evidence-list';
import { FindingCard } from './finding-card';
import { StepFrame } from './step-frame';
import { TimelineTable } from './timeline-table';
import type { ConsoleLinks } from './wizard-machine';
import { CONFIDENCE_LABELS, SOURCE_LABELS } from './wizard-labels';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  code: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
});

/** Props of {@link VerdictStep}. */
export interface VerdictStepProps {
  readonly diagnosis: Diagnosis;
  /** Raw records by evidence id; `null` while screen sharing. */
  readonly records: ReadonlyMap<string, string> | null;
  readonly links: ConsoleLinks;
  readonly selectedEvidence: string | null;
  readonly screenShare: boolean;
  readonly onSelectEvidence: (id: string | null) => void;
  readonly onOpenLink: (url: string) => void;
  readonly onContinue: () => void;
  readonly onBack: () => void;
  readonly onRetry: () => void;
  /** Diagnoses the saved evidence again with this version's engine; absent when nothing was saved. */
  readonly onRediagnose?: () => void;
}

function Section({
  id,
  title,
  children,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h4" id={id} size={400} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}

/** The attempt picked on the timeline when it is not one of the primary finding's records. */
function SelectedAttempt({ entry }: { readonly entry: TimelineEntry }): ReactNode {
  const styles = useStyles();
  return (
    <MessageBar intent="info" data-testid="selected-attempt">
      <MessageBarBody>
        <MessageBarTitle>
          {entry.side === 'okta' ? 'Okta' : 'Entra'} · {entry.clientLabel} · {new Date(entry.at).toLocaleString()}
        </MessageBarTitle>
        {entry.title}
        {entry.code === undefined ? '' : ` (${entry.code})`} — record <span className={styles.code}>{entry.id}</span>
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Step 4: why the sign-in fails. The primary finding in one sentence with its confidence, the
 * evidence that proves it, the attempts from both sides on a timeline, the other findings,
 * what is missing, and the same queries to run in the vendors' consoles.
 */
export function VerdictStep(props: VerdictStepProps): ReactNode {
  const styles = useStyles();
  const { diagnosis, selectedEvidence } = props;
  const primary = diagnosis.primary;
  const others = diagnosis.findings.filter((f) => f !== primary && f.code !== primary?.code);
  const primaryIds = new Set(primary?.evidence.map((e) => e.id) ?? []);
  const selectedAttempt =
    selectedEvidence !== null && !primaryIds.has(selectedEvidence)
      ? (diagnosis.timeline.find((t) => t.id === selectedEvidence) ?? null)
      : null;
  return (
    <StepFrame
      id="step-verdict"
      title="Verdict"
      actions={
        <>
          <Button appearance="primary" onClick={props.onContinue} disabled={primary === null}>
            Continue to the fix
          </Button>
          <Button appearance="secondary" onClick={props.onBack}>
            Back
          </Button>
          <Button appearance="subtle" onClick={props.onRetry}>
            Collect and diagnose again
          </Button>
          {props.onRediagnose !== undefined && (
            <Button appearance="subtle" onClick={props.onRediagnose}>
              Re-diagnose the saved evidence
            </Button>
          )}
        </>
      }
    >
      <SubjectLine subject={diagnosis.subject} />
      {diagnosis.gaps.length > 0 && (
        <MessageBar intent="warning" data-testid="gaps">
          <MessageBarBody>
            <MessageBarTitle>Partial diagnosis: some evidence is missing</MessageBarTitle>
            <ul className={styles.list}>
              {diagnosis.gaps.map((gap) => (
                <li key={gap.source}>
                  {SOURCE_LABELS[gap.source]}: {gap.reason}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {primary === null ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>No verdict</MessageBarTitle>
            The engine found nothing to explain the failure in this window.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <FindingCard finding={primary} />
      )}
      {primary !== null && (
        <Section id="verdict-evidence" title="The evidence">
          <EvidenceList
            items={primary.evidence}
            selectedId={selectedEvidence}
            onSelect={props.onSelectEvidence}
            records={props.records}
          />
        </Section>
      )}
      <Section id="verdict-timeline" title="Sign-in attempts, both sides">
        <LazyTimelineChart
          entries={diagnosis.timeline}
          since={diagnosis.subject.since}
          until={diagnosis.subject.until}
          selectedId={selectedEvidence}
          onSelect={props.onSelectEvidence}
          fontScale={props.screenShare ? SCREEN_SHARE_SCALE : 1}
        />
        {selectedAttempt !== null && <SelectedAttempt entry={selectedAttempt} />}
        <TimelineTable
          entries={diagnosis.timeline}
          selectedId={selectedEvidence}
          onSelect={props.onSelectEvidence}
          showIp={!props.screenShare}
        />
      </Section>
      {others.length > 0 && (
        <Section id="verdict-others" title="Other findings">
          <Accordion collapsible multiple>
            {others.map((finding) => (
              <AccordionItem key={finding.code} value={finding.code}>
                <AccordionHeader>
                  {finding.summary}{' '}
                  <Badge appearance="outline" className={styles.code}>
                    {finding.code}
                  </Badge>
                </AccordionHeader>
                <AccordionPanel>
                  <Text as="p" className={styles.muted}>
                    {CONFIDENCE_LABELS[finding.confidence]}
                  </Text>
                  <Text as="p">{finding.explanation}</Text>
                </AccordionPanel>
              </AccordionItem>
            ))}
          </Accordion>
        </Section>
      )}
      {primary !== null && primary.wouldChangeMyMind.length > 0 && (
        <Section id="verdict-doubt" title="What would make this verdict wrong">
          <ul className={styles.list}>
            {primary.wouldChangeMyMind.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Section>
      )}
      <Section id="verdict-links" title="Check it in the consoles">
        <ConsoleLinksPanel links={props.links} onOpen={props.onOpenLink} />
      </Section>
      <Section id="verdict-checked" title="What was checked">
        <ul className={styles.list}>
          {diagnosis.checked.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </Section>
    </StepFrame>
  );
}
