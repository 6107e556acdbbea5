/**
 * The control surface under /__fake/ for other processes (no auth, not logged):
 *   GET /__fake/log, DELETE /__fake/log, GET /__fake/stats, GET|POST|DELETE /__fake/faults,
 *   POST /__fake/reset, GET /__fake/sample.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from './api';
import { SAMPLE } from './data';
import type { FakeBitly } from './server';

const noContent = (res: ServerResponse) => {
  res.writeHead(204);
  res.end();
};

const json = (res: ServerResponse, status: number, value: unknown) => sendJson(res, status, JSON.stringify(value));

export async function handleControl(fake: FakeBitly, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const route = `${req.method ?? 'GET'} ${url.pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__fake/log':
      return json(res, 200, fake.log);
    case 'DELETE /__fake/log':
      fake.clearLog();
      return noContent(res);
    case 'GET /__fake/stats':
      return json(res, 200, { inFlight: fake.inFlight, maxInFlight: fake.maxInFlight });
    case 'GET /__fake/faults':
      return json(res, 200, fake.faults.list());
    case 'POST /__fake/faults': {
      const text = await readBody(req);
      try {
        fake.faults.add(JSON.parse(text));
      } catch (error) {
        return json(res, 400, { message: 'INVALID_FAULT_RULE', description: error instanceof Error ? error.message : String(error) });
      }
      return json(res, 201, fake.faults.list());
    }
    case 'DELETE /__fake/faults':
      fake.faults.clear();
      return noContent(res);
    case 'POST /__fake/reset':
      fake.reset();
      return noContent(res);
    case 'GET /__fake/sample':
      return json(res, 200, SAMPLE);
    default:
      return json(res, 404, { message: 'NOT_FOUND', description: `no control endpoint ${route}` });
  }
}
