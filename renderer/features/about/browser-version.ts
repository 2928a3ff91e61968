import { useEffect, useState } from 'react';

interface UaDataLike {
  getHighEntropyValues(hints: string[]): Promise<{ uaFullVersion?: string }>;
}

/**
 * The full Chromium version of the browser the UI runs in (the browser host), from User-Agent
 * Client Hints; the User-Agent string itself is reduced to "156.0.0.0".
 */
export function useBrowserVersion(enabled: boolean): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const data = (navigator as Navigator & { userAgentData?: UaDataLike }).userAgentData;
    if (!data) return;
    let current = true;
    const read = async () => {
      const values = await data.getHighEntropyValues(['uaFullVersion']);
      if (current && values.uaFullVersion) setVersion(values.uaFullVersion);
    };
    void read();
    return () => {
      current = false;
    };
  }, [enabled]);
  return version;
}
