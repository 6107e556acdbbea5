/**
 * Surfaces that ask for stats hold a port named `ASKER_PORT_PREFIX + askerId` while they are
 * open. When it closes (hover card removed, popup closed) the asker's queued requests are
 * dropped; while it is open, refreshed answers and settings changes are announced on it.
 */
import type { Browser } from 'wxt/browser';
import { postToPort, rejectPort } from './post-to-port';
import { ASKER_PORT_PREFIX, type AskerPush } from './protocol';
import { classifySender, type ExtensionIdentity } from './router';

type Port = Browser.runtime.Port;

export class AskerPorts {
  private readonly askers = new Map<string, { port: Port; controller: AbortController }>();

  constructor(private readonly self: ExtensionIdentity) {}

  /** For `runtime.onConnect`: adopts Bitlens asker ports from extension pages, ignores others. */
  readonly attach = (port: Port) => {
    if (!port.name.startsWith(ASKER_PORT_PREFIX) || !port.sender) return;
    if (classifySender(port.sender, this.self) !== 'extension-page') return rejectPort(port);
    const id = port.name.slice(ASKER_PORT_PREFIX.length);
    const controller = new AbortController();
    this.askers.get(id)?.controller.abort();
    this.askers.set(id, { port, controller });
    port.onDisconnect.addListener(() => {
      controller.abort();
      if (this.askers.get(id)?.port === port) this.askers.delete(id);
    });
  };

  /** Aborts when the asker goes away; undefined for an asker without a port (never dropped). */
  signal(askerId: string | undefined): AbortSignal | undefined {
    return askerId ? this.askers.get(askerId)?.controller.signal : undefined;
  }

  push(askerId: string, message: AskerPush) {
    const asker = this.askers.get(askerId);
    if (asker) postToPort(asker.port, message);
  }

  /** Tells every open surface; a port closed before its disconnect was heard is skipped. */
  broadcast(message: AskerPush) {
    for (const { port } of this.askers.values()) postToPort(port, message);
  }
}
