/** Listener options for everything the content script hears: first, and without blocking scrolling. */
export const PASSIVE_CAPTURE = { capture: true, passive: true } as const;
