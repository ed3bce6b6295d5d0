import './setup/zod-without-eval';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { FluentProvider, Tab, TabList, Text, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { AppStatus } from '../../shared/ipc/app-status';
import type { Result } from '../../shared/result';
import {
  cancelDiagnosis,
  deleteIncident,
  deleteProfile,
  duplicateIncident,
  exportIncident,
  discoverTenant,
  fetchAppStatus,
  getSettings,
  listIncidents,
  listProfiles,
  onDiagnosisProgress,
  openIncident,
  openLink,
  rediagnoseIncident,
  runDiagnosis,
  runPreflight,
  saveProfile,
  saveSettings,
  setSecret,
  updateIncident,
} from './bridge';
import { AppFrame } from './components/app-frame';
import { withLargerType } from './screen-share/larger-type';
import { ScreenShareBanner, ScreenShareSwitch } from './screen-share/screen-share-controls';
import { SetupPage } from './setup/setup-page';
import type { SetupApi } from './setup/setup-page';
import { useOsTheme } from './use-os-theme';
import type { StatusView } from './wizard/start-page';
import { StartPage } from './wizard/start-page';
import { WizardPage } from './wizard/wizard-page';
import type { WizardApi } from './wizard/wizard-page';

/** The product name shown in the frame; main's status repeats it once loaded. */
const PRODUCT_NAME = 'Sign-in Triage';

/** The setup page's view of main: the bridge's functions, nothing else. */
const SETUP_API: SetupApi = { listProfiles, saveProfile, deleteProfile, setSecret, runPreflight, discoverTenant };

/** The wizard's view of main. */
const WIZARD_API: WizardApi = {
  listProfiles,
  runDiagnosis,
  cancelDiagnosis,
  onDiagnosisProgress,
  openLink,
  listIncidents,
  openIncident,
  updateIncident,
  deleteIncident,
  duplicateIncident,
  rediagnoseIncident,
  exportIncident,
};

/** The pages of the app, in tab order. */
type PageKey = 'start' | 'tenants';

function toView(result: Result<AppStatus>): StatusView {
  return result.ok ? { kind: 'loaded', status: result.value } : { kind: 'failed', error: result.error };
}

/**
 * The app: theme, frame with the page tabs and the screen-share switch, the wizard (the
 * default page, with the app's status above its first step) and the Tenants page, wired to
 * the bridge.
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

  // Screen-share mode: off until the saved preference says to start in it.
  const [screenShare, setScreenShare] = useState(false);
  const [startInScreenShare, setStartInScreenShare] = useState<boolean | null>(null);
  useEffect(() => {
    let live = true;
    void getSettings().then((result) => {
      if (!live || !result.ok) return;
      setStartInScreenShare(result.value.startInScreenShare);
      if (result.value.startInScreenShare) setScreenShare(true);
    });
    return () => {
      live = false;
    };
  }, []);
  const changeStartInScreenShare = (on: boolean): void => {
    setStartInScreenShare(on);
    void saveSettings({ startInScreenShare: on }).then((result) => {
      // Show what is actually stored: a refused save puts the box back.
      if (!result.ok) setStartInScreenShare(!on);
    });
  };

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
        Diagnose
      </Tab>
      <Tab value="tenants" id="tab-tenants" aria-controls="panel-tenants">
        Tenants
      </Tab>
    </TabList>
  );

  const base = theme === 'dark' ? webDarkTheme : webLightTheme;
  const fluentTheme = useMemo(() => (screenShare ? withLargerType(base) : base), [base, screenShare]);

  return (
    <FluentProvider theme={fluentTheme} data-theme={theme} data-screen-share={screenShare}>
      <AppFrame
        productName={view.kind === 'loaded' ? view.status.productName : PRODUCT_NAME}
        nav={nav}
        actions={<ScreenShareSwitch on={screenShare} onChange={setScreenShare} />}
        banner={screenShare ? <ScreenShareBanner /> : undefined}
      >
        <div role="tabpanel" id="panel-start" aria-labelledby="tab-start" hidden={page !== 'start'}>
          <WizardPage
            api={WIZARD_API}
            active={page === 'start'}
            screenShare={screenShare}
            onManageTenants={() => {
              setPage('tenants');
              setTenantsOpened(true);
            }}
            welcome={
              <StartPage
                view={view}
                onRecheck={recheck}
                startInScreenShare={startInScreenShare}
                onStartInScreenShareChange={changeStartInScreenShare}
              />
            }
          />
        </div>
        <div role="tabpanel" id="panel-tenants" aria-labelledby="tab-tenants" hidden={page !== 'tenants'}>
          {/* Tenant settings (org URLs, tenant and client ids) are not for a shared screen, so the
              page is unmounted rather than hidden: nothing of it stays in the DOM. A half-filled
              form is lost by switching the mode on; sharing comes before editing. */}
          {screenShare ? (
            <Text as="p">Tenant settings are hidden in screen-share mode.</Text>
          ) : (
            tenantsOpened && <SetupPage api={SETUP_API} />
          )}
        </div>
      </AppFrame>
    </FluentProvider>
  );
}
