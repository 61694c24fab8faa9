/**
 * A minimal QMP client over a unix socket: QEMU sends a greeting, then one JSON object per
 * line: replies ({"return": ...} or {"error": ...}, echoing our "id") and asynchronous events
 * ({"event": ...}, ignored here). Commands go one at a time; every wait is bounded.
 */
import { connect, type Socket } from 'node:net';

export type QmpReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: { readonly class: string; readonly desc: string } };

export interface QmpConnection {
  /** QEMU's version from the greeting, e.g. "11.1.3". */
  readonly version: string;
  execute(command: string, args?: Record<string, unknown>): Promise<QmpReply>;
  close(): void;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects, retrying while the socket does not exist yet, until `deadline` (ms since epoch) or `gaveUp()` says stop. */
export async function connectQmp(path: string, deadline: number, gaveUp: () => boolean): Promise<QmpConnection | null> {
  while (Date.now() < deadline && !gaveUp()) {
    const socket = await new Promise<Socket | null>((resolve) => {
      const s = connect(path);
      s.once('connect', () => resolve(s));
      s.once('error', () => {
        s.destroy();
        resolve(null);
      });
    });
    if (socket !== null) return handshake(socket, deadline);
    await sleep(50);
  }
  return null;
}

async function handshake(socket: Socket, deadline: number): Promise<QmpConnection | null> {
  const queue: unknown[] = [];
  const waiters: Array<(message: unknown) => void> = [];
  let buffer = '';
  let closed = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (line === '') continue;
      let message: unknown;
      try {
        message = JSON.parse(line);
      } catch {
        continue;
      }
      const waiter = waiters.shift();
      if (waiter) waiter(message);
      else queue.push(message);
    }
  });
  socket.on('close', () => {
    closed = true;
    for (const waiter of waiters.splice(0)) waiter(null);
  });
  socket.on('error', () => socket.destroy());

  const next = (): Promise<unknown> =>
    queue.length > 0
      ? Promise.resolve(queue.shift())
      : closed
        ? Promise.resolve(null)
        : new Promise((resolve) => {
            const timer = setTimeout(() => resolve(null), Math.max(0, deadline - Date.now()));
            waiters.push((m) => {
              clearTimeout(timer);
              resolve(m);
            });
          });

  let id = 0;
  const execute = async (command: string, args?: Record<string, unknown>): Promise<QmpReply> => {
    id += 1;
    socket.write(`${JSON.stringify({ execute: command, ...(args ? { arguments: args } : {}), id })}\n`);
    for (;;) {
      const message = (await next()) as { id?: number; return?: unknown; error?: { class: string; desc: string }; event?: string } | null;
      if (message === null) return { ok: false, error: { class: 'Disconnected', desc: 'no reply from QEMU' } };
      if (message.event !== undefined || message.id !== id) continue;
      return message.error ? { ok: false, error: message.error } : { ok: true, value: message.return };
    }
  };

  const greeting = (await next()) as { QMP?: { version?: { qemu?: { major: number; minor: number; micro: number } } } } | null;
  const v = greeting?.QMP?.version?.qemu;
  if (v === undefined) {
    socket.destroy();
    return null;
  }
  const caps = await execute('qmp_capabilities');
  if (!caps.ok) {
    socket.destroy();
    return null;
  }
  return { version: `${v.major}.${v.minor}.${v.micro}`, execute, close: () => socket.destroy() };
}
