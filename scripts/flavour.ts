/**
 * Build flavours. `production` is what users install; `test`, `demo` and `bench` talk to the
 * stand-in server on loopback, each on its own port so they can run side by side.
 */
export type FlavourName = 'production' | 'test' | 'demo' | 'bench';

export interface Flavour {
  name: FlavourName;
  apiBase: string;
  hostPermission: string;
  outDir: string;
}

export const PRODUCTION_API_BASE = 'https://api-ssl.bitly.com';
export const TEST_API_PORT = 48787;
export const DEMO_API_PORT = 48797;
export const BENCH_API_PORT = 48807;

const LOCAL_PORTS: Record<Exclude<FlavourName, 'production'>, number> = {
  test: TEST_API_PORT,
  demo: DEMO_API_PORT,
  bench: BENCH_API_PORT,
};

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
    case 'demo':
    case 'bench': {
      const port = LOCAL_PORTS[name];
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
