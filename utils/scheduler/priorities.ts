/** Who waits for a request: the thing the user looks at, a surface in view, or nobody yet. */
export const PRIORITIES = ['interactive', 'normal', 'prefetch'] as const;
export type Priority = (typeof PRIORITIES)[number];
