import { Profiler, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { BoardDelta, BoardRow } from '../../../shared/domain/board';
import { DEFAULT_BOARD_PREFERENCES } from '../../../shared/domain/board-ui';
import { BoardModel } from '../../../renderer/features/tasks/board-model';
import { BoardTable } from '../../../renderer/features/tasks/board-table';
import { rowComparator } from '../../../renderer/features/tasks/board-view';
import { I18nProvider } from '../../../renderer/i18n/i18n';

// The benchmark page: the board's own model and table, fed deltas by the bench script. It
// records React's render time per update (Profiler) and the time from a delta's arrival to the
// end of the frame that shows it (requestAnimationFrame, then the task after that frame).

interface BenchWindow {
  benchLoad(rows: BoardRow[]): void;
  benchFeed(delta: BoardDelta): void;
  benchResults: { commits: number[]; frames: number[]; applies: number[]; done: number };
}

const bench = window as unknown as Window & BenchWindow;
bench.benchResults = { commits: [], frames: [], applies: [], done: 0 };

const model = new BoardModel(
  rowComparator('called', 'desc', (id) => id),
  () => true,
);
let arrival = 0;
let setVersion: (update: (v: number) => number) => void = () => undefined;
const preferences = {
  ...DEFAULT_BOARD_PREFERENCES,
  sort: { column: 'called', direction: 'desc' },
} as const;

/** No account is failing in the benchmark. */
const NO_ERRORS: ReadonlyMap<string, string> = new Map();

function Bench() {
  const [version, set] = useState(0);
  setVersion = set;
  const [selected, setSelected] = useState<string | null>(null);
  useEffect(() => {
    if (version < 2) return;
    const started = arrival;
    requestAnimationFrame(() => {
      setTimeout(() => {
        bench.benchResults.frames.push(performance.now() - started);
        bench.benchResults.done += 1;
      }, 0);
    });
  }, [version]);
  return (
    <Profiler
      id="board"
      onRender={(_id, phase, actualDuration) => {
        if (phase === 'update' && version >= 2) bench.benchResults.commits.push(actualDuration);
      }}
    >
      <BoardTable
        rows={model.visible}
        version={version}
        preferences={preferences}
        onSort={() => undefined}
        selectedKey={selected}
        onSelect={setSelected}
        onOpen={setSelected}
        accountName={(id) => id}
        accountErrors={NO_ERRORS}
      />
    </Profiler>
  );
}

bench.benchLoad = (rows) => {
  model.load({ seq: 0, rows });
  setVersion((v) => v + 1);
};

bench.benchFeed = (delta) => {
  arrival = performance.now();
  model.apply(delta);
  bench.benchResults.applies.push(performance.now() - arrival);
  setVersion((v) => v + 1);
};

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <I18nProvider locale="en">
    <Bench />
  </I18nProvider>,
);
