import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Protocol } from 'electron';
import { RENDERER_CSP } from './csp';
import { serveRenderer } from './serve-renderer';

type Handler = (request: Request) => Promise<Response>;

describe('serveRenderer', () => {
  let root: string;
  let handler: Handler;
  let scheme = '';

  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'serve-renderer-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(base, 'secret.txt'), 'outside');
    const protocol = {
      handle: (s: string, h: Handler) => {
        scheme = s;
        handler = h;
      },
    };
    serveRenderer(protocol as unknown as Protocol, root);
  });

  afterAll(async () => {
    await rm(join(root, '..'), { recursive: true, force: true });
  });

  it('serves the page and assets with the CSP and nosniff', async () => {
    expect(scheme).toBe('app');
    const page = await handler(new Request('app://triage/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>t</title>');
    const js = await handler(new Request('app://triage/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 outside the renderer folder and for missing files', async () => {
    for (const url of ['app://triage/%2e%2e/secret.txt', 'app://triage/nope.js', 'app://elsewhere/index.html']) {
      const res = await handler(new Request(url));
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('outside');
    }
  });
});
