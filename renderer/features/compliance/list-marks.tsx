import { useEffect, useState } from 'react';
import { call, errorMessage } from '../../ipc/client';
import { useI18n } from '../../i18n/i18n';

/** Per imported list, how many of its numbers are on a do-not-call list (from main's marks). */
export interface ListMarks {
  readonly counts: ReadonlyMap<string, number>;
  readonly failure: string | null;
}

/**
 * The do-not-call marks of the imported lists, read again whenever `version` changes (the Lists
 * section bumps it after an import or a removal).
 */
export function useListMarks(version: number): ListMarks {
  const [marks, setMarks] = useState<ListMarks>({ counts: new Map(), failure: null });
  useEffect(() => {
    let current = true;
    const load = async () => {
      try {
        const result = await call('compliance.listMarks', {});
        if (current)
          setMarks({
            counts: new Map(result.marks.map((mark) => [mark.listId, mark.count])),
            failure: null,
          });
      } catch (error) {
        if (current) setMarks({ counts: new Map(), failure: errorMessage(error) });
      }
    };
    void load();
    return () => {
      current = false;
    };
  }, [version]);
  return marks;
}

/**
 * "N numbers are on a do-not-call list" under a list, or nothing when none are; `long` adds
 * what happens to them (for an opened list, where there is room).
 */
export function DncMark(props: { count: number | undefined; long?: boolean }) {
  const { t, locale } = useI18n();
  if (!props.count) return null;
  return (
    <p className="dnc-mark" data-testid="dnc-mark">
      {t(props.long ? 'compliance.mark.long' : 'compliance.mark', {
        count: props.count.toLocaleString(locale),
      })}
    </p>
  );
}

/** Why the marks are missing, when main could not read them. */
export function DncMarkFailure(props: { marks: ListMarks }) {
  const { t } = useI18n();
  if (!props.marks.failure) return null;
  return (
    <p className="form-failure" role="alert">
      {t('compliance.mark.failed', { message: props.marks.failure })}
    </p>
  );
}
