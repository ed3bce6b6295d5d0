import { expect, test } from './fixtures/app';

/*
 * The diagnosis channel end to end in Chromium: the built preload's subscription receives the
 * progress main pushes, and the verdict arrives through the same bridge the wizard will use.
 */
test('runs a diagnosis through the bridge, receiving its live progress', async ({ app }) => {
  const { page } = app;
  await page.goto(`${app.origin}/`);
  const result = await page.evaluate(async () => {
    type Bridge = {
      runDiagnosis: (
        r: unknown,
      ) => Promise<{ ok: boolean; value?: { runId: number; diagnosis: { primary: { code: string } | null } } }>;
      onDiagnosisProgress: (l: (p: { runId: number; step: string; phase: string }) => void) => () => void;
    };
    const bridge = (window as unknown as { triage: Bridge }).triage;
    const progress: { runId: number; step: string; phase: string }[] = [];
    const stop = bridge.onDiagnosisProgress((p) => progress.push(p));
    const until = new Date().toISOString();
    const since = new Date(Date.now() - 86_400_000).toISOString();
    const answer = await bridge.runDiagnosis({
      runId: 3,
      profileId: 'demo',
      upn: 'hannah.schmidt@contoso.com',
      symptom: 'teams-desktop',
      since,
      until,
    });
    stop();
    return { answer, progress };
  });
  expect(result.answer).toMatchObject({
    ok: true,
    value: { runId: 3, diagnosis: { primary: { code: 'IMMUTABLEID_ENCODING_MISMATCH' } } },
  });
  expect(result.progress.length).toBeGreaterThan(10);
  expect(result.progress.every((p) => p.runId === 3)).toBe(true);
  expect(result.progress.some((p) => p.step === 'graph.user' && p.phase === 'done')).toBe(true);
  expect(app.consoleErrors).toEqual([]);
  expect(app.mainErrors).toEqual([]);
});
