import './zod-without-eval';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Button,
  Card,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { PreflightReport, Profile, ProfileSummary, SecretKind } from '../../../shared/ipc/profiles';
import type { IpcError, Result } from '../../../shared/result';
import { PreflightPanel } from './preflight-panel';
import type { PreflightState } from './preflight-panel';
import { ProfileForm } from './profile-form';
import type { SaveOutcome, SecretFailure } from './profile-form';
import { isReadOnly, profileLabel, ProfilesList } from './profiles-list';
import type { Selection } from './profiles-list';

/**
 * What the setup page needs from main. The app passes the functions of `bridge.ts`; tests
 * pass fakes, so the page never touches the bridge itself.
 */
export interface SetupApi {
  readonly listProfiles: () => Promise<Result<{ readonly profiles: readonly ProfileSummary[] }>>;
  readonly saveProfile: (profile: Profile) => Promise<Result<ProfileSummary>>;
  readonly deleteProfile: (id: string) => Promise<Result<{ readonly deleted: boolean }>>;
  readonly setSecret: (
    profileId: string,
    kind: SecretKind,
    value: string,
  ) => Promise<Result<{ readonly kind: SecretKind; readonly configured: true }>>;
  readonly runPreflight: (id: string) => Promise<Result<PreflightReport>>;
  readonly discoverTenant: (domain: string) => Promise<Result<{ readonly tenantId: string }>>;
}

type ListState =
  { readonly kind: 'loading' } | { readonly kind: 'loaded' } | { readonly kind: 'failed'; readonly error: IpcError };

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  flush: { margin: 0 },
  columns: {
    display: 'grid',
    gridTemplateColumns: '260px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  detail: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0, maxWidth: '640px' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  fact: { margin: 0, overflowWrap: 'anywhere' },
});

function without<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function upsert(profiles: readonly ProfileSummary[], summary: ProfileSummary): readonly ProfileSummary[] {
  const id = summary.profile.id;
  return profiles.some((p) => p.profile.id === id)
    ? profiles.map((p) => (p.profile.id === id ? summary : p))
    : [...profiles, summary];
}

/** The statuses main will report for secrets just stored: set, and not verified yet. */
function withStored(summary: ProfileSummary, stored: readonly SecretKind[]): ProfileSummary {
  const kept = summary.secrets.filter((s) => !stored.includes(s.kind));
  return {
    ...summary,
    secrets: [...kept, ...stored.map((kind) => ({ kind, configured: true, verifiedAt: null }))],
  };
}

function firstSelection(profiles: readonly ProfileSummary[]): Selection {
  const first = profiles[0];
  return first === undefined ? { kind: 'new' } : { kind: 'profile', id: first.profile.id };
}

/** The built-in demo profile: what it points at, and that it cannot be changed. */
function DemoProfileView({ summary }: { readonly summary: ProfileSummary }): ReactNode {
  const styles = useStyles();
  const { profile } = summary;
  return (
    <Card aria-labelledby="demo-profile-title">
      <Text as="h3" id="demo-profile-title" size={500} weight="semibold" className={styles.flush}>
        {profileLabel(summary)}
      </Text>
      <Text as="p" className={styles.flush}>
        Built in and read-only: it points at the demo tenant that Sign-in Triage runs on this computer, to practise
        with. Add a tenant to connect your own Okta org and Microsoft tenant.
      </Text>
      <dl className={styles.facts} aria-label="Demo tenant settings">
        <dt>Okta org URL</dt>
        <dd className={styles.fact}>{profile.okta.orgUrl}</dd>
        <dt>Entra tenant</dt>
        <dd className={styles.fact}>{profile.entra.tenant}</dd>
        <dt>Application (client) ID</dt>
        <dd className={styles.fact}>{profile.entra.clientId}</dd>
      </dl>
    </Card>
  );
}

/** Props of {@link SetupPage}. */
export interface SetupPageProps {
  readonly api: SetupApi;
}

/**
 * The Tenants page: the list of tenant profiles, the form of the selected one (or the
 * read-only demo tenant), and its connection test. Saving stores the profile first, then each
 * typed secret, so a refused profile never leaves orphan secrets in the keychain.
 */
export function SetupPage({ api }: SetupPageProps): ReactNode {
  const styles = useStyles();
  const [profiles, setProfiles] = useState<readonly ProfileSummary[]>([]);
  const [list, setList] = useState<ListState>({ kind: 'loading' });
  const [selection, setSelection] = useState<Selection | null>(null);
  // A new number gives the form a fresh state; saving a new profile keeps it, so its
  // messages survive the switch from "new" to the saved id.
  const [formSession, setFormSession] = useState(0);
  const [preflight, setPreflight] = useState<Readonly<Record<string, PreflightState>>>({});
  const [loadRequest, setLoadRequest] = useState(0);

  useEffect(() => {
    let current = true;
    void api.listProfiles().then((result) => {
      if (!current) return;
      if (result.ok) {
        setProfiles(result.value.profiles);
        setList({ kind: 'loaded' });
        setSelection((s) => s ?? firstSelection(result.value.profiles));
      } else {
        setList({ kind: 'failed', error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [api, loadRequest]);

  /** Re-reads the list after a change, for the secrets' statuses as main sees them. */
  const reload = useCallback(async (): Promise<readonly ProfileSummary[] | null> => {
    const result = await api.listProfiles();
    if (!result.ok) return null;
    setProfiles(result.value.profiles);
    return result.value.profiles;
  }, [api]);

  const selectedId = selection?.kind === 'profile' ? selection.id : null;
  const selected = profiles.find((p) => p.profile.id === selectedId) ?? null;
  const others = useMemo(
    () => profiles.filter((p) => p.profile.id !== selectedId).map((p) => ({ id: p.profile.id, name: p.profile.name })),
    [profiles, selectedId],
  );

  const select = (next: Selection): void => {
    setSelection(next);
    setFormSession((n) => n + 1);
  };

  const save = async (profile: Profile, secrets: ReadonlyMap<SecretKind, string>): Promise<SaveOutcome> => {
    const saved = await api.saveProfile(profile);
    if (!saved.ok) return { kind: 'failed', error: saved.error };
    const id = saved.value.profile.id;
    setProfiles((ps) => upsert(ps, saved.value));
    setSelection({ kind: 'profile', id });
    // A report describes the settings it tested, which this save may have changed.
    setPreflight((p) => without(p, id));
    const stored: SecretKind[] = [];
    const failures: SecretFailure[] = [];
    for (const [kind, value] of secrets) {
      const result = await api.setSecret(id, kind, value);
      if (result.ok) stored.push(kind);
      else failures.push({ kind, error: result.error });
    }
    let summary = withStored(saved.value, stored);
    setProfiles((ps) => upsert(ps, summary));
    const fresh = await reload();
    summary = fresh?.find((p) => p.profile.id === id) ?? summary;
    return { kind: 'saved', summary, stored, failures };
  };

  const remove = async (id: string): Promise<Result<unknown>> => {
    const result = await api.deleteProfile(id);
    if (!result.ok) return result;
    const remaining = profiles.filter((p) => p.profile.id !== id);
    setProfiles(remaining);
    setPreflight((p) => without(p, id));
    select(firstSelection(remaining));
    await reload();
    return result;
  };

  const test = async (id: string): Promise<void> => {
    setPreflight((p) => ({ ...p, [id]: { kind: 'running' } }));
    const result = await api.runPreflight(id);
    setPreflight((p) => ({
      ...p,
      [id]: result.ok ? { kind: 'done', report: result.value } : { kind: 'failed', error: result.error },
    }));
    // A passing test updates when each secret last worked.
    await reload();
  };

  const showForm = selection?.kind === 'new' || (selected !== null && !isReadOnly(selected));
  const testedId = selected?.profile.id ?? null;

  return (
    <section className={styles.page} aria-labelledby="tenants-title">
      <Text as="h2" id="tenants-title" size={600} weight="semibold" className={styles.flush}>
        Tenants
      </Text>
      <Text as="p" className={styles.flush}>
        Connect Sign-in Triage to an Okta org and the Microsoft tenant it signs in to. Secrets go to this computer’s OS
        keychain and are never shown again.
      </Text>
      {list.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Could not load the tenants</MessageBarTitle>
            {list.error.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={() => {
                setList({ kind: 'loading' });
                setLoadRequest((n) => n + 1);
              }}
            >
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.columns}>
        {list.kind === 'loading' ? (
          <Spinner size="small" label="Loading tenants…" />
        ) : (
          <ProfilesList
            profiles={profiles}
            selection={selection}
            onSelect={(id) => {
              select({ kind: 'profile', id });
            }}
            onAdd={() => {
              select({ kind: 'new' });
            }}
          />
        )}
        <div className={styles.detail}>
          {selected !== null && isReadOnly(selected) && <DemoProfileView summary={selected} />}
          {showForm && (
            <ProfileForm
              key={formSession}
              summary={selection?.kind === 'new' ? null : selected}
              others={others}
              onSave={save}
              onDelete={remove}
              onDiscoverTenant={api.discoverTenant}
            />
          )}
          {(showForm || selected !== null) && (
            <PreflightPanel
              state={(testedId === null ? undefined : preflight[testedId]) ?? { kind: 'idle' }}
              disabledReason={testedId === null ? 'Save the profile first: the test uses its saved settings.' : null}
              onRun={() => {
                if (testedId !== null) void test(testedId);
              }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
