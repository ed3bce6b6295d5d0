import './setup/zod-without-eval';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { FluentProvider, Tab, TabList, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { AppStatus } from '../../shared/ipc/app-status';
import type { Result } from '../../shared/result';
import {
  deleteProfile,
  discoverTenant,
  fetchAppStatus,
  listProfiles,
  runPreflight,
  saveProfile,
  setSecret,
} from './bridge';
import { AppFrame } from './components/app-frame';
import { SetupPage } from './setup/setup-page';
import type { SetupApi } from './setup/setup-page';
import { useOsTheme } from './use-os-theme';
import type { StatusView } from './wizard/start-page';
import { StartPage } from './wizard/start-page';

/** The product name shown in the frame; main's status repeats it once loaded. */
const PRODUCT_NAME = 'Sign-in Triage';

/** The setup page's view of main: the bridge's functions, nothing else. */
const SETUP_API: SetupApi = { listProfiles, saveProfile, deleteProfile, setSecret, runPreflight, discoverTenant };

/** The pages of the app, in tab order. */
type PageKey = 'start' | 'tenants';

function toView(result: Result<AppStatus>): StatusView {
  return result.ok ? { kind: 'loaded', status: result.value } : { kind: 'failed', error: result.error };
}

/**
 * The app: theme, frame with the page tabs, the wizard's start page (the default) and the
 * Tenants page, wired to the bridge.
 */
export function App(): ReactNode {
  const theme = useOsTheme();
  const [view, setView] = useState<StatusView>({ kind: 'loading' });
  const [page, setPage] = useState<PageKey>('start');
  // The Tenants page is mounted on its first visit and then kept (hidden) so a half-filled
  // form survives a look at the start page, and nothing asks main for profiles before that.
  const [tenantsOpened, setTenantsOpened] = useState(false);

  // A result that arrives after unmount, or after a newer check started, is dropped.
  const [check, setCheck] = useState(0);
  useEffect(() => {
    let current = true;
    void fetchAppStatus().then((result) => {
      if (current) setView(toView(result));
    });
    return () => {
      current = false;
    };
  }, [check]);

  const recheck = (): void => {
    setView({ kind: 'loading' });
    setCheck((n) => n + 1);
  };

  const nav = (
    <TabList
      aria-label="Pages"
      selectedValue={page}
      onTabSelect={(_, data) => {
        if (data.value === 'start' || data.value === 'tenants') {
          setPage(data.value);
          if (data.value === 'tenants') setTenantsOpened(true);
        }
      }}
    >
      <Tab value="start" id="tab-start" aria-controls="panel-start">
        Start
      </Tab>
      <Tab value="tenants" id="tab-tenants" aria-controls="panel-tenants">
        Tenants
      </Tab>
    </TabList>
  );

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <AppFrame productName={view.kind === 'loaded' ? view.status.productName : PRODUCT_NAME} nav={nav}>
        <div role="tabpanel" id="panel-start" aria-labelledby="tab-start" hidden={page !== 'start'}>
          <StartPage view={view} onRecheck={recheck} />
        </div>
        <div role="tabpanel" id="panel-tenants" aria-labelledby="tab-tenants" hidden={page !== 'tenants'}>
          {tenantsOpened && <SetupPage api={SETUP_API} />}
        </div>
      </AppFrame>
    </FluentProvider>
  );
}
