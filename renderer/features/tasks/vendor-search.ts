import { useEffect, useMemo, useState } from 'react';
import { call, errorMessage } from '../../ipc/client';
import type { VendorSearch } from './board-view';

/** Characters the vendors need before a search is sent (the channel refuses fewer). */
export const VENDOR_SEARCH_MIN = 2;
/** Typing pause before the vendors are asked, so a word is one request, not one per key. */
export const VENDOR_SEARCH_DELAY_MS = 400;

/**
 * Asks main to search task contents (voice file names, TTS texts) at the vendors that can, a
 * moment after the manager stops typing. An answer for older text is dropped.
 */
export function useVendorSearch(text: string): VendorSearch {
  const needle = text.trim();
  // The last answer, for the text it answered; the state shown is derived from it.
  const [answer, setAnswer] = useState<Exclude<VendorSearch, { state: 'idle' | 'searching' }>>();
  useEffect(() => {
    if (needle.length < VENDOR_SEARCH_MIN) return;
    let current = true;
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const result = await call('tasks.search', { text: needle });
          if (current) setAnswer({ state: 'done', text: needle, result });
        } catch (error) {
          if (current) setAnswer({ state: 'failed', text: needle, message: errorMessage(error) });
        }
      })();
    }, VENDOR_SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [needle]);
  // One object per (text, answer), so the board's filter is rebuilt only when the search moves.
  return useMemo(() => {
    if (needle.length < VENDOR_SEARCH_MIN) return { state: 'idle' };
    if (answer?.text !== needle) return { state: 'searching', text: needle };
    return answer;
  }, [needle, answer]);
}
