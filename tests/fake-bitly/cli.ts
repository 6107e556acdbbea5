/**
 * Runs the Bitly stand-in until Ctrl-C: `npm run fake-bitly -- [--port N] [--host H]`.
 * Default port 48787 (the test build's API base).
 */
import { SAMPLE } from './data';
import { RATE_LIMIT_429_MESSAGE } from './errors';
import { startFakeBitly } from './server';

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  return args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

const portText = option('port') ?? '48787';
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`fake-bitly: bad --port ${portText}`);
  process.exit(2);
}

const fake = await startFakeBitly({ port, host: option('host') ?? '127.0.0.1' });
const { free, paid, brand } = SAMPLE.accounts;
console.log(`Fake Bitly listening on ${fake.url}  (API base ${fake.url}/v4)`);
console.log('Tokens (Authorization: Bearer <token>):');
console.log(`  free   ${free.token}   ${free.login}, tier ${free.tier}, ${free.links.length} links, cities/devices/group clicks → 402`);
console.log(`  paid   ${paid.token}   ${paid.login}, tier ${paid.tier}, ${paid.links.length} links, groups ${paid.groups.map((g) => g.guid).join(', ')}`);
console.log(`  brand  ${brand.token}  ${brand.login}, tier ${brand.tier}, ${brand.links.length} links, bsds ${brand.bsds.join(', ')}`);
console.log(`Sample links: ${paid.links[0]?.link} (paid), ${free.links[0]?.link} (free), ${brand.links[0]?.link} (brand); missing ${SAMPLE.missingLinkId}`);
console.log(`Control: ${fake.url}/__fake/{log,stats,faults,reset,sample}   429 message: ${RATE_LIMIT_429_MESSAGE}`);
console.log('Ctrl-C to stop.');

let stopping = false;
const stop = () => {
  if (stopping) process.exit(1);
  stopping = true;
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
