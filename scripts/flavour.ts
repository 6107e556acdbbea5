/**
 * Build flavours. `production` is what users install; `test` and `demo` talk to the
 * stand-in server on loopback, each on its own port so a demo and a test run can coexist.
 */
export type FlavourName = 'production' | 'test' | 'demo';

export interface Flavour {
  name: FlavourName;
  apiBase: string;
  hostPermission: string;
  outDir: string;
}

export const PRODUCTION_API_BASE = 'https://api-ssl.bitly.com';
export const TEST_API_PORT = 48787;
export const DEMO_API_PORT = 48797;

export function resolveFlavour(env: Record<string, string | undefined>): Flavour {
  const name = (env.BITLENS_FLAVOUR ?? 'production') as FlavourName;
  switch (name) {
    case 'production':
      return {
        name,
        apiBase: PRODUCTION_API_BASE,
        hostPermission: `${PRODUCTION_API_BASE}/*`,
        outDir: '.output',
      };
    case 'test':
    case 'demo': {
      const port = name === 'test' ? TEST_API_PORT : DEMO_API_PORT;
      return {
        name,
        apiBase: `http://127.0.0.1:${port}`,
        hostPermission: 'http://127.0.0.1/*',
        outDir: `.output/${name}`,
      };
    }
    default:
      throw new Error(`Unknown BITLENS_FLAVOUR "${name}" (expected production, test or demo)`);
  }
}
