// The browser preview's local bridge: serves the built renderer and answers exactly the
// FactoryTwinApi over HTTP, backed by the same services and handlers as Electron's main. It is a
// way into the user's files, so it trusts nothing: 127.0.0.1 only, a random token per run on every
// API call, the Host header checked (DNS rebinding), the Origin checked, no CORS, and bodies that
// no HTML form can send: JSON, or for a call whose last argument is bytes (the recovery copy's
// document) application/octet-stream framed as one JSON line of the other arguments, then the bytes.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INVOKE_CHANNELS, type InvokeChannel } from '../contract/api.js';
import { allHandlers, contentType, createServices, PayloadError, resolveStatic, SECURITY_HEADERS, type Handlers } from '../services/index.js';
import { PreviewShell, Unavailable } from './shell.js';

export interface PreviewOptions {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Settings, recent files, the recovery copy and the default folder for new projects. */
  dataDir: string;
  appVersion: string;
  catalogPath?: string;
}

export interface PreviewServer {
  /** Includes `?token=...`: open it in a browser. */
  url: string;
  token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-factory-twin-token';
/** A call whose last argument is bytes: `{"args":[...the others]}`, a newline, the bytes. */
export const BYTES_CONTENT_TYPE = 'application/octet-stream';
/** A gigawatt hall's document is about 6 MB of JSON; anything far beyond is not ours. */
export const MAX_BODY_BYTES = 256 * 1024 * 1024;

export async function startPreviewServer(options: PreviewOptions): Promise<PreviewServer> {
  const services = createServices({ dataDir: options.dataDir, appVersion: options.appVersion, catalogPath: options.catalogPath });
  const handlers = allHandlers(services, new PreviewShell(options.dataDir));
  const token = randomBytes(32).toString('base64url');
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { kind: 'unexpected', message: messageOf(error) } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on evil.example resolved to 127.0.0.1 still sends Host: evil.example.
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return refuse(res, 403, 'Host not allowed.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length), allowedHosts);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
    return serveStatic(req, res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string, allowedHosts: string[]): Promise<void> {
    // Browsers always send Origin on a POST; requiring it shuts out other sites' pages, and the
    // custom token header makes any cross-origin call a CORS preflight, which we never approve.
    const origin = req.headers.origin;
    if (origin === undefined || !allowedHosts.some((h) => origin === `http://${h}`)) return refuse(res, 403, 'Origin not allowed.');
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') return refuse(res, 403, 'Cross-site request refused.');
    if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return refuse(res, 403, 'Missing or wrong token: open the URL printed by `npm run preview`.');
    if (!isChannel(channel)) return refuse(res, 404, `No such API channel: ${channel}`);
    if (req.method !== 'POST') return refuse(res, 405, 'API calls are POST.');
    const type = req.headers['content-type'] ?? '';
    const withBytes = type.split(';')[0]!.trim() === BYTES_CONTENT_TYPE;
    if (!withBytes && !type.startsWith('application/json')) return refuse(res, 415, 'API calls send JSON (or a JSON line and bytes).');

    let body: unknown;
    let bytes: Buffer | null = null;
    try {
      const raw = await readBody(req);
      // The bytes are handed on as they came: their handler validates them (no second JSON parse).
      const end = withBytes ? raw.indexOf(0x0a) : raw.length;
      if (end < 0) throw new SyntaxError('no newline after the arguments');
      if (withBytes) bytes = raw.subarray(end + 1);
      body = JSON.parse(raw.subarray(0, end).toString('utf8'));
    } catch (error) {
      return refuse(res, error instanceof BodyTooLarge ? 413 : 400, error instanceof BodyTooLarge ? error.message : 'The request body is not JSON.');
    }
    const listed = typeof body === 'object' && body !== null && Array.isArray((body as { args?: unknown }).args) ? (body as { args: unknown[] }).args : null;
    if (listed === null) return refuse(res, 400, 'The request body must be {"args": [...]}.');
    const args = bytes === null ? listed : [...listed, bytes];
    try {
      const value = await (handlers as Handlers)[channel](args);
      sendJson(res, 200, value === undefined ? {} : { value });
    } catch (error) {
      if (error instanceof PayloadError) sendJson(res, 400, { error: { kind: 'payload', message: error.message, problems: error.problems } });
      else if (error instanceof Unavailable) sendJson(res, 501, { error: { kind: 'not-available', message: error.message } });
      else sendJson(res, 500, { error: { kind: 'unexpected', message: messageOf(error) } });
    }
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const file = resolveStatic(options.rendererDir, pathname);
    if (file === null) return refuse(res, 404, 'Not found.');
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': contentType(file), 'Cache-Control': 'no-store' });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    close: () => new Promise<void>((resolveClose) => {
      server.closeAllConnections();
      server.close(() => resolveClose());
    }),
  };
}

class BodyTooLarge extends Error {}

function isChannel(name: string): name is InvokeChannel {
  return (INVOKE_CHANNELS as readonly string[]).includes(name);
}

function tokenMatches(sent: string | string[] | undefined, token: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge(`The request is larger than ${MAX_BODY_BYTES} bytes.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { error: { kind: 'refused', message } });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
