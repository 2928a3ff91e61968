import { useCallback, useEffect, useState } from 'react';
import { boardRowKey } from '../../shared/domain/board';
import type { TaskKind } from '../../shared/domain/task';
import { sectionFromHash, taskHash, type Section } from './routes';

/** The current section, kept in the location hash so reloads and back/forward work. */
export function useSection(): [Section, (section: Section) => void] {
  const [section, setSection] = useState<Section>(() => sectionFromHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setSection(sectionFromHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const go = useCallback((next: Section) => {
    window.location.hash = `#/${next}`;
  }, []);
  return [section, go];
}

/** Goes to the board and opens a task's detail ("Open on the board"); nothing without a task id. */
export function openTaskOnBoard(task: {
  readonly accountId: string;
  readonly kind: TaskKind;
  readonly taskId: string | null;
}): void {
  if (task.taskId === null) return;
  window.location.hash = taskHash(boardRowKey(task.accountId, task.kind, task.taskId));
}
