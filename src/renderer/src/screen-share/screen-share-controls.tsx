import type { ReactNode } from 'react';
import { makeStyles, MessageBar, MessageBarBody, Switch, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  banner: { borderRadius: 0, paddingInline: tokens.spacingHorizontalL },
});

/** Props of {@link ScreenShareSwitch}. */
export interface ScreenShareSwitchProps {
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

/** The title bar's switch for screen-share mode. */
export function ScreenShareSwitch({ on, onChange }: ScreenShareSwitchProps): ReactNode {
  return (
    <Switch
      label="Screen-share mode"
      checked={on}
      onChange={(_, data) => {
        onChange(data.checked);
      }}
    />
  );
}

/** The notice shown under the title bar while screen-share mode is on. */
export function ScreenShareBanner(): ReactNode {
  const styles = useStyles();
  return (
    <MessageBar intent="info" className={styles.banner} data-testid="screen-share-banner">
      <MessageBarBody>
        Screen-share mode: other people, IP addresses, device ids, tokens and raw records are hidden.
      </MessageBarBody>
    </MessageBar>
  );
}
