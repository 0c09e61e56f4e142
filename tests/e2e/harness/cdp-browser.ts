/**
 * A browser-level CDP connection over Chromium's debugging port, spoken directly (the persistent context offers
 * page sessions only): a few calls, and the uncaught errors of the extension's service worker, which playwright-core
 * does not report (its Worker has console and close events only).
 */
import WebSocket from 'ws';

export interface BrowserCdp {
  send<T>(method: string, params: object, sessionId?: string): Promise<T>;
  close(): void;
}

interface Incoming {
  id?: number;
  method?: string;
  sessionId?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { message: string };
}

export async function connectBrowserCdp(url: string, onEvent: (event: Incoming) => void = () => undefined): Promise<BrowserCdp> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>();
  socket.on('message', (data) => {
    const message = JSON.parse(String(data)) as Incoming;
    if (message.id === undefined) return onEvent(message);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${waiter.method}: ${message.error.message}`));
    else waiter.resolve(message.result);
  });
  return {
    send<T>(method: string, params: object, sessionId?: string) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method });
        socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
      });
    },
    close: () => socket.close(),
  };
}

interface ExceptionDetails {
  text?: string;
  url?: string;
  exception?: { description?: string; value?: unknown };
}

/**
 * Follows every service worker of the extension at `base` (each start of the worker is a new target) and
 * reports its uncaught errors and unhandled rejections (CDP Runtime.exceptionThrown) as one line each.
 */
export async function watchWorkerExceptions(url: string, base: string, report: (line: string) => void): Promise<BrowserCdp> {
  const sessions = new Set<string>();
  let cdp: BrowserCdp | null = null;
  const attach = async (targetId: string) => {
    const { sessionId } = await (cdp as BrowserCdp).send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    sessions.add(sessionId);
    await (cdp as BrowserCdp).send('Runtime.enable', {}, sessionId);
    // A worker that starts while another client (playwright) holds it for the debugger: never keep it waiting here.
    await (cdp as BrowserCdp).send('Runtime.runIfWaitingForDebugger', {}, sessionId).catch(() => undefined);
  };
  const attached = new Set<string>();
  cdp = await connectBrowserCdp(url, (event) => {
    if (event.method === 'Target.targetCreated' || event.method === 'Target.targetInfoChanged') {
      const info = event.params?.targetInfo as { targetId: string; type: string; url: string } | undefined;
      if (info?.type !== 'service_worker' || !info.url.startsWith(base) || attached.has(info.targetId)) return;
      attached.add(info.targetId);
      attach(info.targetId).catch((error: unknown) => report(`(error watch could not attach to the worker: ${error})`));
    } else if (event.method === 'Target.targetDestroyed') {
      attached.delete(String(event.params?.targetId));
    } else if (event.method === 'Runtime.exceptionThrown' && event.sessionId && sessions.has(event.sessionId)) {
      const details = event.params?.exceptionDetails as ExceptionDetails | undefined;
      const what = details?.exception?.description ?? String(details?.exception?.value ?? '');
      report(`uncaught: ${details?.text ?? 'exception'} ${what}`.slice(0, 500));
    }
  });
  await cdp.send('Target.setDiscoverTargets', { discover: true });
  return cdp;
}
