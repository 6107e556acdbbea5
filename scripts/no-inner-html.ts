import type { Plugin } from 'vite';

/**
 * Preact's renderer carries one `innerHTML` assignment, for `dangerouslySetInnerHTML`, a prop
 * Bitlens never uses (tests/conventions/ forbids it). The Firefox add-ons linter flags that
 * assignment (UNSAFE_VAR_ASSIGNMENT) in every bundle that renders with Preact, so the build
 * replaces it with an error: the shipped code has no way left to parse HTML from a string.
 * The match is exact on purpose: a Preact update that changes it fails the build, not the review.
 */
export const PREACT_INNER_HTML = 't.innerHTML=h.__html';
const REPLACEMENT = 'void (()=>{throw new Error("dangerouslySetInnerHTML is disabled in Bitlens")})()';
const PREACT_DIST = /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/;

export function withoutPreactInnerHtml(code: string): string {
  const at = code.indexOf(PREACT_INNER_HTML);
  if (at < 0 || code.indexOf(PREACT_INNER_HTML, at + 1) >= 0) {
    throw new Error(`Preact's dangerouslySetInnerHTML assignment (${PREACT_INNER_HTML}) was not found exactly once: update scripts/no-inner-html.ts for this Preact version`);
  }
  return code.replace(PREACT_INNER_HTML, REPLACEMENT);
}

export function noInnerHtml(): Plugin {
  return {
    name: 'bitlens:no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!PREACT_DIST.test(id.split('?')[0] ?? id)) return null;
      return { code: withoutPreactInnerHtml(code), map: null };
    },
  };
}
