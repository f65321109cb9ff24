// The preview bridge is a door into the user's files on a machine that may browse hostile pages:
// check each lock (loopback only, token, Host, Origin, no CORS) and that it answers exactly the
// contract, through the same client the renderer uses.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_OF, INVOKE_CHANNELS } from '../contract/api.js';
import { createPreviewClient } from '../../renderer/platform/preview-client.js';
import { demoHall } from '../../engine/generators/index.js';
import { tempDir } from '../../tests/support/tmp.js';
import { shippedCatalog } from '../../tests/support/catalog.js';
import { startPreviewServer, TOKEN_HEADER, type PreviewServer } from './server.js';

const dir = tempDir('ft-preview-');
const rendererDir = join(dir, 'renderer');
mkdirSync(rendererDir, { recursive: true });
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Factory Twin</title>');
writeFileSync(join(dir, 'outside.txt'), 'secret');

let server: PreviewServer;
let origin: string;
let port: string;

beforeAll(async () => {
  server = await startPreviewServer({ rendererDir, dataDir: join(dir, 'data'), appVersion: '1.2.3' });
  origin = new URL(server.url).origin;
  port = new URL(server.url).port;
});
afterAll(() => server.close());

type Init = { headers?: Record<string, string>; body?: string; method?: string };
const post = (channel: string, args: unknown[] = [], init: Init = {}) => fetch(`${origin}/api/${channel}`, {
  method: init.method ?? 'POST',
  headers: { 'content-type': 'application/json', origin, [TOKEN_HEADER]: server.token, ...init.headers },
  ...(init.method === 'GET' ? {} : { body: init.body ?? JSON.stringify({ args }) }),
});

describe('preview bridge security', () => {
  it('listens on 127.0.0.1 only, with a long random token in the URL', () => {
    const url = new URL(server.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.searchParams.get('token')).toBe(server.token);
    expect(server.token.length).toBeGreaterThanOrEqual(43);
  });

  it('is not reachable on the machine\'s other addresses', async () => {
    const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
    if (!external) return; // no other interface on this machine: nothing to reach
    await expect(fetch(`http://${external.address}:${port}/`)).rejects.toThrow();
  });

  it('answers a correct call', async () => {
    const response = await post('app:version');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ value: '1.2.3' });
  });

  it('refuses a call without the token, or with a wrong one (403)', async () => {
    expect((await post('app:version', [], { headers: { [TOKEN_HEADER]: '' } })).status).toBe(403);
    expect((await post('app:version', [], { headers: { [TOKEN_HEADER]: 'x'.repeat(server.token.length) } })).status).toBe(403);
  });

  it('refuses another origin, a missing origin and cross-site fetches (403)', async () => {
    expect((await post('app:version', [], { headers: { origin: 'http://evil.example' } })).status).toBe(403);
    expect((await post('app:version', [], { headers: { origin: 'null' } })).status).toBe(403);
    expect((await post('app:version', [], { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    const noOrigin = await fetch(`${origin}/api/app:version`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{"args":[]}' });
    expect(noOrigin.status).toBe(403);
  });

  it('refuses a rebound host name, for the API and the page alike (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (path: string) => new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `evil.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(await status('/')).toBe(403);
    expect(await status('/api/app:version')).toBe(403);
  });

  it('answers 404 for a channel outside the contract, after authentication', async () => {
    expect((await post('fs:readFile', ['/etc/passwd'])).status).toBe(404);
    expect((await post('fs:readFile', [], { headers: { [TOKEN_HEADER]: '' } })).status).toBe(403);
  });

  it('refuses non-JSON bodies, GET on the API, and never grants CORS', async () => {
    expect((await post('app:version', [], { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await post('app:version', [], { body: '{"args": nope' })).status).toBe(400);
    expect((await post('app:version', [], { body: '{"argz": []}' })).status).toBe(400);
    expect((await post('app:version', [], { method: 'GET' })).status).toBe(405);
    const preflight = await fetch(`${origin}/api/app:version`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('takes a byte argument as a JSON line of the others and the bytes, unparsed; nothing else as octet-stream', async () => {
    const send = (body: Buffer | string) => fetch(`${origin}/api/recovery:write`, {
      method: 'POST', headers: { 'content-type': 'application/octet-stream', origin, [TOKEN_HEADER]: server.token }, body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    // Gzipped garbage is stored as sent; take() refuses it and moves it aside.
    const garbage = gzipSync('{ garbage }');
    expect((await send(Buffer.concat([Buffer.from('{"args":[null]}\n'), garbage]))).status).toBe(200);
    const copy = join(dir, 'data', 'recovery', 'recovery.ftrec');
    const stored = readFileSync(copy);
    expect(stored.subarray(0, stored.indexOf(0x0a)).toString()).toMatch(/^\{"format":"factory-twin-recovery","version":2,"path":null,"savedAt":"[^"]+"\}$/);
    expect(stored.subarray(stored.indexOf(0x0a) + 1)).toEqual(garbage);
    expect(await (await post('recovery:take')).json()).toEqual({ value: null });
    expect(existsSync(copy)).toBe(false);
    expect(readdirSync(join(dir, 'data', 'recovery')).some((f) => f.startsWith('recovery.ftrec.damaged-'))).toBe(true);
    // No newline after the arguments, arguments that are no JSON, or bytes its handler refuses.
    expect((await send('{"args":[null]}')).status).toBe(400);
    expect((await send('{"args": nope\n{}')).status).toBe(400);
    expect((await send('{"args":[null]}\n{"not":"gzip"}')).status).toBe(400);
  });

  it('refuses a malformed payload with 400 and a clear message', async () => {
    const response = await post('project:save', [{ path: 'x' }]);
    expect(response.status).toBe(400);
    const body = await response.json() as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('payload');
    expect(body.error.message).toMatch(/^project:save refused a malformed request: args\[0\]/);
  });

  it('serves the renderer with the strict CSP, and nothing outside its folder', async () => {
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:/);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${origin}/..%2foutside.txt`)).status).toBe(404);
    expect((await fetch(`${origin}/missing.js`)).status).toBe(404);
  });
});

describe('preview bridge API', () => {
  it('exposes exactly the contract: every channel answers, and the client maps every method', async () => {
    for (const channel of INVOKE_CHANNELS) {
      const response = await post(channel, ['definitely', 'not', 'valid', 'arguments']);
      // 400: the channel exists and validated (and refused) the arguments.
      expect(response.status, channel).toBe(400);
    }
    expect(Object.values(CHANNEL_OF).sort()).toEqual([...INVOKE_CHANNELS].sort());
  });

  it('round-trips a project through the renderer\'s client: template, save, reopen, recent, recovery', async () => {
    const answers: (string | null)[] = [];
    const confirms: boolean[] = [];
    const api = createPreviewClient({
      token: server.token,
      baseUrl: origin,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } }),
      prompt: (_message, value) => (answers.length > 0 ? answers.shift() ?? null : value ?? null),
      confirm: () => confirms.shift() ?? false,
      setDocumentTitle: () => undefined,
    });
    expect(await api.appVersion()).toBe('1.2.3');
    const created = await api.newFromTemplate('demo');
    expect(created.ok && created.value).toEqual(demoHall(shippedCatalog));
    const path = await api.chooseSavePath('Demo hall');
    expect(path).toBe(join(dir, 'data', 'projects', 'Demo hall.aifactory'));
    const document = demoHall(shippedCatalog);
    const saved = await api.saveProject({ path: path!, document, expected: null, overwrite: false });
    expect(saved.ok).toBe(true);
    // Saving again as new: the page asks (confirm), a "no" keeps the file.
    confirms.push(false);
    expect((await api.saveProject({ path: path!, document, expected: null, overwrite: false })).ok).toBe(false);
    confirms.push(true);
    expect((await api.saveProject({ path: path!, document, expected: null, overwrite: false })).ok).toBe(true);
    answers.push(path!);
    const opened = await api.openProject(null);
    expect(opened?.ok && opened.value.document).toEqual(document);
    expect(await api.recentFiles()).toEqual([path]);
    answers.push(null);
    expect(await api.openProject(null)).toBeNull();
    // The recovery copy travels as the document's gzipped UTF-8 JSON and comes back as the document.
    await api.writeRecovery(path!, new Uint8Array(gzipSync(JSON.stringify({ ...document, hall: { ...document.hall, name: 'Halle Süd' } }))));
    expect(await api.takeRecovery()).toMatchObject({ path, document: { ...document, hall: { ...document.hall, name: 'Halle Süd' } } });
    await api.discardRecovery();
    expect(await api.takeRecovery()).toBeNull();
    const bad = await api.openProject(join(dir, 'outside.txt'));
    expect(bad?.ok).toBe(false);
    await expect(api.openProject('not/absolute')).rejects.toThrow(/absolute path/);
  });

  it('exports through the renderer\'s client: a proposed path, a typed one, and the page asks before replacing', async () => {
    const answers: (string | null)[] = [];
    const confirms: boolean[] = [];
    const asked: string[] = [];
    const api = createPreviewClient({
      token: server.token,
      baseUrl: origin,
      fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), origin } }),
      prompt: (_message, value) => (answers.length > 0 ? answers.shift() ?? null : value ?? null),
      confirm: (message) => { asked.push(message); return confirms.shift() ?? false; },
      setDocumentTitle: () => undefined,
    });
    const proposed = await api.chooseExportPath('bom-csv', 'Demo hall BOM');
    expect(proposed).toBe(join(dir, 'data', 'exports', 'Demo hall BOM.csv'));
    answers.push(null);
    expect(await api.chooseExportPath('glb', 'x')).toBeNull();
    const document = demoHall(shippedCatalog);
    const first = await api.exportProject({ document, format: 'bom-csv', path: proposed!, overwrite: false });
    expect(first).toMatchObject({ ok: true, value: { format: 'bom-csv', summary: expect.stringMatching(/^BOM: \d+ lines in \d+ categories, total [\d,]+\.\d\d USD$/) } });
    confirms.push(false);
    expect(await api.exportProject({ document, format: 'bom-csv', path: proposed!, overwrite: false })).toMatchObject({ ok: false, error: { kind: 'exists' } });
    expect(asked.at(-1)).toContain('already exists. Replace it?');
    confirms.push(true);
    expect((await api.exportProject({ document, format: 'bom-csv', path: proposed!, overwrite: false })).ok).toBe(true);
    expect(asked).toHaveLength(2);
  });
});
