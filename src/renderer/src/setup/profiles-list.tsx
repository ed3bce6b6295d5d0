import './zod-without-eval';
import type { ReactNode } from 'react';
import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { Add20Regular, Building20Regular, LockClosed20Regular } from '@fluentui/react-icons';
import { DEMO_PROFILE_ID, secretKindsFor } from '../../../shared/ipc/profiles';
import type { ProfileSummary } from '../../../shared/ipc/profiles';

/** The name the built-in demo profile is listed under, whatever main calls it. */
export const DEMO_PROFILE_LABEL = 'Demo tenant (Contoso)';

/** Whether a profile is read-only: built in (the demo tenant), so never edited or deleted. */
export function isReadOnly(summary: ProfileSummary): boolean {
  return summary.builtIn || summary.profile.id === DEMO_PROFILE_ID;
}

/** The name a profile is shown under. */
export function profileLabel(summary: ProfileSummary): string {
  return summary.profile.id === DEMO_PROFILE_ID ? DEMO_PROFILE_LABEL : summary.profile.name;
}

/** One line on a profile's secrets, so a missing one is seen from the list. */
export function secretsLine(summary: ProfileSummary): string {
  if (isReadOnly(summary)) return 'Built in, read-only';
  const needed = secretKindsFor(summary.profile);
  const missing = needed.filter((kind) => !summary.secrets.some((s) => s.kind === kind && s.configured)).length;
  if (missing === 0) return 'Secrets set';
  return missing === 1 ? '1 secret not set' : `${String(missing)} secrets not set`;
}

const useStyles = makeStyles({
  nav: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    paddingBlock: tokens.spacingVerticalS,
    // The same border whether selected or not, so selecting does not move the text.
    border: `${tokens.strokeWidthThin} solid transparent`,
  },
  selected: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  itemText: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, overflowWrap: 'anywhere' },
});

/** What is selected in the list: a saved profile, or the form of a new one. */
export type Selection = { readonly kind: 'profile'; readonly id: string } | { readonly kind: 'new' };

/** Props of {@link ProfilesList}. */
export interface ProfilesListProps {
  readonly profiles: readonly ProfileSummary[];
  readonly selection: Selection | null;
  readonly onSelect: (id: string) => void;
  readonly onAdd: () => void;
}

/**
 * The tenant profiles: the built-in demo tenant (read-only) and the technician's own, each
 * with whether its secrets are set, and the button that starts a new one.
 */
export function ProfilesList({ profiles, selection, onSelect, onAdd }: ProfilesListProps): ReactNode {
  const styles = useStyles();
  return (
    <nav className={styles.nav} aria-label="Tenant profiles">
      <div>
        <Button appearance="primary" icon={<Add20Regular />} onClick={onAdd} aria-pressed={selection?.kind === 'new'}>
          Add a tenant
        </Button>
      </div>
      <ul className={styles.list}>
        {profiles.map((summary) => {
          const selected = selection?.kind === 'profile' && selection.id === summary.profile.id;
          const readOnly = isReadOnly(summary);
          return (
            <li key={summary.profile.id}>
              <Button
                appearance="subtle"
                className={mergeClasses(styles.item, selected && styles.selected)}
                icon={readOnly ? <LockClosed20Regular /> : <Building20Regular />}
                aria-current={selected ? 'true' : undefined}
                onClick={() => {
                  onSelect(summary.profile.id);
                }}
              >
                <span className={styles.itemText}>
                  <span className={styles.name}>
                    <Text weight="semibold">{profileLabel(summary)}</Text>
                    {readOnly && (
                      <Badge appearance="outline" size="small">
                        Demo
                      </Badge>
                    )}
                  </span>
                  <Text size={200}>{secretsLine(summary)}</Text>
                </span>
              </Button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
