import { describe, expect, it } from 'vitest';
import { bootLoadsPopupBundle } from './popup-boot-bundle-plugin';

const BUILT = `<!DOCTYPE html>
<html lang="en">
  <head>
    <script src="/popup-boot.js"></script>
    <script type="module" crossorigin src="/chunks/popup-A1.js"></script>
    <link rel="modulepreload" crossorigin href="/chunks/defaults-B2.js">
    <link rel="modulepreload" crossorigin href="/chunks/use-facets-C3.js">
    <link rel="stylesheet" crossorigin href="/assets/popup-D4.css">
  </head>
  <body><div id="app"></div></body>
</html>`;

describe('bootLoadsPopupBundle', () => {
  it('moves the module script and its modulepreloads onto the boot script, keeping the stylesheets', () => {
    const html = bootLoadsPopupBundle(BUILT);
    expect(html).toContain('<script src="/popup-boot.js" data-bundle="/chunks/popup-A1.js" data-preload="/chunks/defaults-B2.js /chunks/use-facets-C3.js"></script>');
    expect(html).not.toContain('type="module"');
    expect(html).not.toContain('modulepreload');
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/assets/popup-D4.css">');
    expect(html).toContain('<div id="app"></div>');
  });

  it.each([
    ['no boot script', BUILT.replace('<script src="/popup-boot.js"></script>', '')],
    ['no module script', BUILT.replace(/<script type="module"[^>]*><\/script>/, '')],
    ['two module scripts', BUILT.replace('</head>', '<script type="module" crossorigin src="/chunks/other.js"></script></head>')],
  ])('fails the build on HTML it does not recognise: %s', (_, html) => {
    expect(() => bootLoadsPopupBundle(html)).toThrow(/popup-boot-bundle-plugin/);
  });
});
