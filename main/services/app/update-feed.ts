/**
 * The app's check of its own update feed (`resources/app-update.yml`, written by electron-builder
 * from `publish` in electron-builder.yml): https or no updates.
 *
 * The release feed is the repository's GitHub releases (`provider: github`, https by default;
 * README, "Auto-update"); a `generic` feed at an https URL is accepted too. electron-updater would
 * also follow an http:// feed; an update's signature is verified either way, but a plain-text feed
 * tells everyone on the network which version each copy runs and lets them hold it back, so this
 * build refuses one.
 */
export function feedProblem(appUpdateYml: string | null): 'feed' | null {
  if (appUpdateYml === null) return 'feed';
  const provider = valueOf(appUpdateYml, 'provider');
  if (provider === 'github') {
    const protocol = valueOf(appUpdateYml, 'protocol') ?? 'https';
    const host = valueOf(appUpdateYml, 'host') ?? 'github.com';
    const named = valueOf(appUpdateYml, 'owner') !== null && valueOf(appUpdateYml, 'repo') !== null;
    return protocol === 'https' && host === 'github.com' && named ? null : 'feed';
  }
  if (provider === 'generic') {
    const url = valueOf(appUpdateYml, 'url');
    return url !== null && isPlainHttpsUrl(url) ? null : 'feed';
  }
  return 'feed';
}

function isPlainHttpsUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** A top-level scalar of the small YAML file electron-builder writes (js-yaml `dump`). */
function valueOf(yaml: string, key: string): string | null {
  const match = new RegExp(`^${key}:[ \\t]*(.*?)[ \\t]*$`, 'm').exec(yaml);
  const raw = match?.[1];
  if (raw === undefined || raw === '') return null;
  const quoted = /^(['"])(.*)\1$/.exec(raw);
  return quoted?.[2] ?? raw;
}
