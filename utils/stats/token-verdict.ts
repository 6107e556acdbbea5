/**
 * Whose is a 403 on a link? Bitly answers a link of another account and any link asked with a
 * revoked token alike: 403 FORBIDDEN. The verdict tells "not in your account" (the token works)
 * from "token rejected":
 *
 * - The same hover asks the link's destination (`POST /v4/expand`), which answers for any
 *   existing link: its 403 can only mean the token (the client reads it as token-rejected), and
 *   an answer Bitly gave in the last 10 minutes says the token works, at no extra call.
 * - Otherwise one `GET /v4/user` decides, shared by simultaneous 403s.
 * - "Works" is trusted 10 minutes; "rejected" too (until the token changes); an inconclusive
 *   check (Bitly unreachable, rate limited, failing) reads as "works" and is not remembered, so
 *   the next 403 asks again.
 */
import { isBitlyError } from '../bitly/errors';
import type { FacetReply } from '../messaging/protocol';

/** How long a sign that the token works (or does not) spares the next check. */
export const TOKEN_TRUST_MS = 10 * 60_000;

/** A 403 on one of the account's links (a rate limit is its own kind): other account, or revoked token. */
export function isForbiddenOnLink(error: unknown): boolean {
  return isBitlyError(error) && error.kind === 'not-in-account' && error.status === 403;
}

/**
 * What the link's destination answer says about the token: rejected (false), works (true, when
 * Bitly gave it within the trust window), or nothing (undefined: ask `/v4/user`).
 */
export function destinationSays(reply: FacetReply<unknown>, now: number): boolean | undefined {
  if (reply.state === 'token-rejected') return false;
  if (reply.state === 'data' && now - reply.fetchedAt < TOKEN_TRUST_MS) return true;
  return undefined;
}

/** What a `/v4/user` check that failed says: only Bitly refusing the token is a "no". */
export function userCheckFailureSays(error: unknown): 'rejected' | 'inconclusive' {
  return isBitlyError(error) && error.kind === 'token-rejected' ? 'rejected' : 'inconclusive';
}

export interface TokenVerdictDeps {
  now(): number;
  /** `GET /v4/user` with this token (through the scheduler); resolves when Bitly accepts it. */
  checkUser(token: string): Promise<unknown>;
}

export function createTokenVerdict({ now, checkUser }: TokenVerdictDeps) {
  let last: { token: string; at: number; accepted: Promise<boolean> } | undefined;

  function known(token: string): Promise<boolean> | undefined {
    return last?.token === token && now() - last.at < TOKEN_TRUST_MS ? last.accepted : undefined;
  }

  function check(token: string): Promise<boolean> {
    const pending = known(token);
    if (pending) return pending;
    const verdict = { token, at: now(), accepted: Promise.resolve(true) };
    verdict.accepted = checkUser(token).then(
      () => true,
      (error: unknown) => {
        if (userCheckFailureSays(error) === 'rejected') return false;
        if (last === verdict) last = undefined;
        return true;
      },
    );
    last = verdict;
    return verdict.accepted;
  }

  return {
    /** Bitly refused this token: the next 403s of the same hover ask nothing more. */
    rememberRejected(token: string): void {
      last = { token, at: now(), accepted: Promise.resolve(false) };
    },

    /**
     * Whether Bitly accepts the token, after a 403 on a link: what is known, else what the
     * link's destination says (`destination`, left out for the destination itself), else `/v4/user`.
     */
    async accepted(token: string, destination?: () => Promise<FacetReply<unknown>>): Promise<boolean> {
      const pending = known(token);
      if (pending) return pending;
      if (destination) {
        const says = destinationSays(await destination(), now());
        if (says !== undefined) return says;
      }
      return check(token);
    },
  };
}

export type TokenVerdict = ReturnType<typeof createTokenVerdict>;
