/**
 * A local HTTPS server for fixture pages. It listens on 127.0.0.1 only; Chromium's resolver rules
 * send every hostname here, so pages are served under real-looking names (www.amazon.com, …).
 * The certificate is a throwaway self-signed one made at test time.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';

export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures');

export interface FixturePage {
  body: string;
  contentType?: string;
  /** Extra response headers, e.g. `Content-Security-Policy: sandbox` for an opaque-origin page. */
  headers?: Record<string, string>;
}

export interface FixtureServer {
  /** One port speaks both TLS and plain HTTP, since resolver rules map every name to one address. */
  port: number;
  /** Serve `body` at `host` + `path` (path without query). `host` may be '*' for any host. */
  serve(host: string, path: string, page: FixturePage | string): void;
  /** The html of tests/e2e/fixtures/NAME. */
  fixture(name: string): string;
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const pem = await generate([{ name: 'commonName', value: 'otp-guard-test' }], {
    keySize: 2048,
    notAfterDate: new Date(Date.now() + 86_400_000),
    algorithm: 'sha256',
  });
  const pages = new Map<string, FixturePage>();
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const page = pages.get(`${host} ${path}`) ?? pages.get(`* ${path}`);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end(`no fixture for ${host}${path}`);
      return;
    }
    res.writeHead(200, { ...page.headers, 'content-type': page.contentType ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page.body);
  };
  const https: Server = createServer({ key: pem.private, cert: pem.cert }, handler);
  const http = createHttpServer(handler);
  // A TLS connection starts with a handshake record (0x16); anything else is plain HTTP.
  const front = createNetServer((socket) => {
    socket.once('readable', () => {
      const first: Buffer | null = socket.read(1);
      if (!first) return socket.destroy();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
    });
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  return {
    port: (front.address() as AddressInfo).port,
    serve(host, path, page) {
      pages.set(`${host.toLowerCase()} ${path}`, typeof page === 'string' ? { body: page } : page);
    },
    fixture: (name) => readFileSync(join(FIXTURES_DIR, name), 'utf8'),
    close: async () => {
      https.closeAllConnections();
      http.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    },
  };
}
