import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { resolveFlavour } from './scripts/flavour';

export default defineConfig({
  plugins: [WxtVitest()],
  // Unit tests run as the test flavour would be built (see scripts/flavour.ts).
  define: {
    __BITLY_API_BASE__: JSON.stringify(resolveFlavour({ BITLENS_FLAVOUR: 'test' }).apiBase),
    __BITLENS_FLAVOUR__: JSON.stringify('test'),
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['utils/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'tests/fake-bitly/**/*.test.ts', 'tests/conventions/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'contract', include: ['tests/contract/**/*.test.ts'] },
      },
    ],
  },
});
