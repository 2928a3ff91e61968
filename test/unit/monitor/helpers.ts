import type { DatabaseSync } from 'node:sqlite';
import { openDatabase } from '../../../main/services/storage/database';
import { TaskMonitor, type TaskMonitorOptions } from '../../../main/services/monitor/task-monitor';
import { ManualClock } from '../../../main/services/sandbox/sim-kit';
import type { Vendor } from '../../../main/services/vendors/vendor';
import type { BoardDelta } from '../../../shared/domain/board';
import { ManualScheduler } from '../../fakes/manual-scheduler';
import { MemoryLogger } from '../../fakes/memory-logger';
import { RecordingNotifier } from '../../fakes/recording-notifier';
import { SwitchableActivity } from '../../fakes/switchable-activity';

/** A monitor over in-memory ports, and the handles a test drives it with. */
export interface MonitorRig {
  readonly monitor: TaskMonitor;
  readonly db: DatabaseSync;
  readonly clock: ManualClock;
  readonly scheduler: ManualScheduler;
  readonly activity: SwitchableActivity;
  readonly notifier: RecordingNotifier;
  readonly logger: MemoryLogger;
  readonly deltas: BoardDelta[];
  /** Accounts the monitor sees; change and call `accountsChanged()`. */
  readonly vendors: Map<string, Vendor>;
  accountsChanged(): void;
}

/** Builds a monitor; pass `db`/`clock` to reopen the same database ("restart the app"). */
export function makeRig(
  vendors: readonly Vendor[],
  options: TaskMonitorOptions = {},
  reuse: { db?: DatabaseSync; clock?: ManualClock } = {},
): MonitorRig {
  const db = reuse.db ?? openDatabase(':memory:');
  const clock = reuse.clock ?? new ManualClock();
  const scheduler = new ManualScheduler(clock);
  const activity = new SwitchableActivity();
  const notifier = new RecordingNotifier();
  const logger = new MemoryLogger();
  const map = new Map(vendors.map((vendor) => [vendor.accountId, vendor]));
  const listeners = new Set<() => void>();
  const monitor = new TaskMonitor({
    db,
    clock,
    scheduler,
    logger,
    notifier,
    activity,
    locale: () => 'en',
    accounts: {
      list: () => [...map.keys()].map((id) => ({ id })),
      vendor: async (id) => {
        const vendor = map.get(id);
        if (!vendor) throw new Error(`no vendor ${id}`);
        return vendor;
      },
      onChange: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    options,
  });
  const deltas: BoardDelta[] = [];
  monitor.onChange((delta) => deltas.push(delta));
  return {
    monitor,
    db,
    clock,
    scheduler,
    activity,
    notifier,
    logger,
    deltas,
    vendors: map,
    accountsChanged: () => {
      for (const listener of listeners) listener();
    },
  };
}
