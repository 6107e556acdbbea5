/**
 * The protocol's plain values (protocol.ts re-exports them; it is the one place to read the
 * protocol), in a module free of the validator for the pages that must start fast and the
 * scripts that must stay small: the popup and the hover card, and the popup's boot script
 * (entrypoints/popup-boot/), which sends requests before the popup's bundle has loaded.
 */

/** Most link facets one `getLinkFacets` may ask: a popup view's (7), or a list's rows (10). */
export const MAX_FACETS_PER_MESSAGE = 20;

/** `requests` split into the `getLinkFacets` messages that carry them, in order. */
export function perLinkFacetsMessage<T>(requests: readonly T[]): T[][] {
  const messages: T[][] = [];
  for (let from = 0; from < requests.length; from += MAX_FACETS_PER_MESSAGE) messages.push(requests.slice(from, from + MAX_FACETS_PER_MESSAGE));
  return messages;
}

/** The name of an asker's port is this + its askerId (utils/messaging/asker-ports.ts). */
export const ASKER_PORT_PREFIX = 'bitlens-asker:';

/**
 * The last message on a port the background turns away on purpose (a card frame whose key is
 * taken, a port beyond its tab's cap, a sender that may not hold one): the page does not
 * connect again (utils/messaging/held-port.ts).
 */
export const PORT_REJECTED = { bitlensPort: 'rejected' } as const;
export const isPortRejection = (message: unknown): boolean =>
  typeof message === 'object' && message !== null && (message as { bitlensPort?: unknown }).bitlensPort === 'rejected';
