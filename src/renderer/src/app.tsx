import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { AppStatus } from '../../shared/ipc/app-status';
import type { Result } from '../../shared/result';
import { fetchAppStatus } from './bridge';
import { AppFrame } from './components/app-frame';
import { useOsTheme } from './use-os-theme';
import type { StatusView } from './wizard/start-page';
import { StartPage } from './wizard/start-page';

/** The product name shown in the frame; main's status repeats it once loaded. */
const PRODUCT_NAME = 'Sign-in Triage';

function toView(result: Result<AppStatus>): StatusView {
  return result.ok ? { kind: 'loaded', status: result.value } : { kind: 'failed', error: result.error };
}

/** The app: theme, frame, and the wizard's start page wired to the bridge. */
export function App(): ReactNode {
  const theme = useOsTheme();
  const [view, setView] = useState<StatusView>({ kind: 'loading' });

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

  return (
    <FluentProvider theme={theme === 'dark' ? webDarkTheme : webLightTheme} data-theme={theme}>
      <AppFrame productName={view.kind === 'loaded' ? view.status.productName : PRODUCT_NAME}>
        <StartPage view={view} onRecheck={recheck} />
      </AppFrame>
    </FluentProvider>
  );
}
