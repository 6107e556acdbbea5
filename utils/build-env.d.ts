/** Replaced at build time by wxt.config.ts (see scripts/flavour.ts). */
declare const __BITLY_API_BASE__: string;
declare const __BITLENS_FLAVOUR__: import('../scripts/flavour').FlavourName;
