import { describe, expect, it } from 'vitest';
import { buildWindowOptions } from '../../../main/security/window-options';

describe('main window options', () => {
  const options = buildWindowOptions('/app/out/preload/index.cjs');
  const web = options.webPreferences ?? {};

  it('runs the renderer sandboxed, isolated, and without Node', () => {
    expect(web.sandbox).toBe(true);
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('allows no <webview>, keeps web security on and blocks insecure content', () => {
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBeUndefined();
    expect(web.navigateOnDragDrop).toBe(false);
  });

  it('loads the given preload bundle, a CommonJS file as sandboxed preloads require', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until the first paint', () => {
    expect(options.show).toBe(false);
  });
});
