/** Every /v4 route the stand-in serves, and matching a request to one. */
import { accountRoutes } from './account';
import { bitlinkRoutes } from './bitlinks';
import type { Route } from './context';
import { groupLinkRoutes } from './group-links';
import { groupMetricRoutes } from './group-metrics';
import { linkMetricRoutes } from './link-metrics';
import { qrCodeRoutes } from './qr-code';

export const ROUTES: readonly Route[] = [...accountRoutes, ...bitlinkRoutes, ...linkMetricRoutes, ...qrCodeRoutes, ...groupMetricRoutes, ...groupLinkRoutes];

/** The spec operations served, as `METHOD /path` keys of v4.json (e.g. `GET /bitlinks/{bitlink}`). */
export const SERVED_OPERATIONS: readonly string[] = ROUTES.map((r) => r.operation);

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

/**
 * Finds the route for a method and a path below /v4 (e.g. `/bitlinks/bit.ly/abc/clicks`).
 * Segments are matched before percent-decoding, so an encoded slash never splits a segment.
 */
export function matchRoute(method: string, subPath: string): RouteMatch | undefined {
  const segments = subPath.split('/').slice(1);
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').slice(1);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let matched = true;
    for (let i = 0; i < pattern.length && matched; i++) {
      const want = pattern[i] ?? '';
      const got = segments[i] ?? '';
      if (want.startsWith(':')) {
        const value = safeDecode(got);
        if (value === undefined || value === '') matched = false;
        else params[want.slice(1)] = value;
      } else if (want !== got) {
        matched = false;
      }
    }
    if (matched) return { route, params };
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
