import { describe, expect, it } from 'vitest';
import { APP_ID, healthyBundle, richClientFailure } from '../test-support/fixtures';
import { buildContext } from './context';

describe('choosing the Office 365 app instance', () => {
  const second = {
    id: '0oaSecondInstance01',
    name: 'office365',
    label: 'Office 365 (other tenant)',
    settings: { app: { domain: 'fabrikam.com' } },
  };

  it('takes the instance whose settings list the user’s domain', () => {
    const ctx = buildContext(
      healthyBundle((b) => (b.okta = { ...b.okta!, o365Apps: [second, ...(b.okta!.o365Apps ?? [])] })),
    );
    expect(ctx.o365App?.id).toBe(APP_ID);
  });

  it('falls back to the instance the domain federates to: its exk key, linked to the instance by the System Log', () => {
    const bundle = healthyBundle((b) => {
      const ours = { ...(b.okta!.o365Apps ?? [])[0]!, settings: { app: {} } };
      // Neither instance lists the domain, and the user is assigned to both.
      b.okta = {
        ...b.okta!,
        o365Apps: [{ ...second, settings: { app: {} } }, ours],
        appUsers: { [second.id]: { id: 'u' }, [APP_ID]: { id: 'u' } },
      };
      b.okta = { ...b.okta, logEvents: [...(b.okta.logEvents ?? []), richClientFailure(20)] };
    });
    expect(buildContext(bundle).o365App?.id).toBe(APP_ID);
  });
});
