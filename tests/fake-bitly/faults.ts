/**
 * Fault injection: rules that make matching /v4 requests slow, failing, rate limited, malformed,
 * hanging, or missing a field. Rules are checked in the order they were added.
 */

export type Fault =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: 500 | 502 | 503 }
  | { kind: 'malformed' }
  | { kind: 'rate-limit-429' }
  | { kind: 'rate-limit-403' }
  | { kind: 'token-revoked' } // 403 FORBIDDEN, what a token Bitly no longer knows gets
  | { kind: 'timeout' } // never answers until the server closes
  | { kind: 'drop-field'; field: string }; // removes a top-level field from a 2xx body

export interface FaultRule {
  match?: { token?: string; path?: string /* substring of the pathname */; method?: string };
  fault: Fault;
  /** Apply to the next N matching requests only; unlimited when absent. */
  times?: number;
}

export type TerminalFault = Exclude<Fault, { kind: 'latency' } | { kind: 'drop-field' }>;

/** What the matching rules do to one request. */
export interface FaultPlan {
  /** Total extra delay before answering (latency rules add up). */
  latencyMs: number;
  /** The first matching rule that replaces the answer, if any. */
  terminal?: TerminalFault;
  /** Top-level fields to drop from a 2xx body. */
  dropFields: string[];
}

export interface RequestFacts {
  method: string;
  path: string;
  token: string | null;
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

function matches(rule: FaultRule, req: RequestFacts): boolean {
  const m = rule.match;
  if (!m) return true;
  if (m.token !== undefined && m.token !== req.token) return false;
  if (m.method !== undefined && m.method.toUpperCase() !== req.method.toUpperCase()) return false;
  if (m.path !== undefined && !req.path.includes(m.path)) return false;
  return true;
}

export class FaultRegistry {
  private active: ActiveRule[] = [];

  /** Adds a rule (validated; throws a TypeError on a malformed one). */
  add(rule: FaultRule): void {
    const checked = parseFaultRule(rule);
    this.active.push({ rule: checked, remaining: checked.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.active = [];
  }

  /** Rules still active, with how many uses each has left (`times` absent = unlimited). */
  list(): FaultRule[] {
    return this.active.map(({ rule, remaining }) =>
      Number.isFinite(remaining) ? { ...rule, times: remaining } : { match: rule.match, fault: rule.fault },
    );
  }

  /**
   * Works out what happens to a request and uses up one application of every rule that takes
   * effect. Latency and drop-field rules all apply; of the rules that replace the answer only the
   * first matching one applies (the others are not used up).
   */
  plan(req: RequestFacts): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, dropFields: [] };
    for (const entry of this.active) {
      if (entry.remaining <= 0 || !matches(entry.rule, req)) continue;
      const fault = entry.rule.fault;
      if (fault.kind === 'latency') plan.latencyMs += fault.ms;
      else if (fault.kind === 'drop-field') plan.dropFields.push(fault.field);
      else if (plan.terminal) continue;
      else plan.terminal = fault;
      entry.remaining--;
    }
    this.active = this.active.filter((e) => e.remaining > 0);
    return plan;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks an untrusted value (e.g. a JSON body) is a FaultRule; throws TypeError saying why not. */
export function parseFaultRule(value: unknown): FaultRule {
  if (!isRecord(value)) throw new TypeError('a fault rule must be an object');
  const { match, fault, times } = value;
  const rule: FaultRule = { fault: parseFault(fault) };
  if (match !== undefined) {
    if (!isRecord(match)) throw new TypeError('match must be an object');
    const out: NonNullable<FaultRule['match']> = {};
    for (const key of ['token', 'path', 'method'] as const) {
      const v = match[key];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw new TypeError(`match.${key} must be a string`);
      out[key] = v;
    }
    rule.match = out;
  }
  if (times !== undefined) {
    if (typeof times !== 'number' || !Number.isInteger(times) || times < 1) throw new TypeError('times must be a positive integer');
    rule.times = times;
  }
  return rule;
}

function parseFault(value: unknown): Fault {
  if (!isRecord(value)) throw new TypeError('fault must be an object with a kind');
  switch (value.kind) {
    case 'latency':
      if (typeof value.ms !== 'number' || !(value.ms >= 0)) throw new TypeError('latency needs ms >= 0');
      return { kind: 'latency', ms: value.ms };
    case 'status':
      if (value.status !== 500 && value.status !== 502 && value.status !== 503) throw new TypeError('status must be 500, 502 or 503');
      return { kind: 'status', status: value.status };
    case 'drop-field':
      if (typeof value.field !== 'string' || value.field === '') throw new TypeError('drop-field needs a field name');
      return { kind: 'drop-field', field: value.field };
    case 'malformed':
    case 'rate-limit-429':
    case 'rate-limit-403':
    case 'token-revoked':
    case 'timeout':
      return { kind: value.kind };
    default:
      throw new TypeError(`unknown fault kind ${JSON.stringify(value.kind)}`);
  }
}
