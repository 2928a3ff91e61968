import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../ipc/client';

/**
 * A notice main keeps until the person dismisses it (a damaged settings file, a log file that
 * stopped working): read once when the window opens, replaced by `show` (e.g. from an event), and
 * dismissed through main. A failed read shows nothing — it fails only when main is unreachable,
 * which every screen already reports in its own words. `failure` is the error of a failed
 * dismissal, for the caller to put in its own words.
 */
export function useKeptNotice<T>(
  read: () => Promise<T | null>,
  dismissInMain: () => Promise<unknown>,
): {
  readonly notice: T | null;
  readonly show: (notice: T | null) => void;
  readonly failure: string | null;
  readonly dismiss: () => Promise<void>;
} {
  const [notice, setNotice] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const load = async (): Promise<void> => {
      try {
        const answer = await read();
        if (current) setNotice(answer);
      } catch {
        // Main unreachable: nothing to show (see above).
      }
    };
    void load();
    return () => {
      current = false;
    };
    // Read once per mount: the callers pass a fresh closure each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const dismiss = useCallback(async () => {
    try {
      await dismissInMain();
      setNotice(null);
      setFailure(null);
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }, [dismissInMain]);

  return { notice, show: setNotice, failure, dismiss };
}
