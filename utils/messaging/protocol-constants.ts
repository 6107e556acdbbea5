/**
 * The protocol's plain values (protocol.ts re-exports them; it is the one place to read the
 * protocol), in a module free of the validator for scripts that must stay small: the popup's
 * boot script (entrypoints/popup-boot/) sends requests before the popup's bundle has loaded.
 */

/** Most link facets one `getLinkFacets` may ask: a popup view's (7), or a list's rows (10). */
export const MAX_FACETS_PER_MESSAGE = 20;

/** The name of an asker's port is this + its askerId (utils/messaging/asker-ports.ts). */
export const ASKER_PORT_PREFIX = 'bitlens-asker:';
