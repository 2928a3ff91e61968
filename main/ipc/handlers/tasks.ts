import type { ReportedActivity } from '../../services/app/reported-activity';
import type { TaskMonitor } from '../../services/monitor/task-monitor';
import type { Handlers } from '../dispatch';

type Channels =
  | 'app.setVisible'
  | 'tasks.snapshot'
  | 'tasks.refresh'
  | 'tasks.history'
  | 'tasks.thresholds'
  | 'tasks.setThreshold';

/** Handlers of the `tasks.*` channels and the window's visibility report. */
export function tasksHandlers(deps: {
  monitor: TaskMonitor;
  activity: ReportedActivity;
}): Pick<Handlers, Channels> {
  const { monitor, activity } = deps;
  return {
    'app.setVisible': ({ visible }) => {
      activity.setVisible(visible);
      // Polling begins once a window is on screen; hidden windows pause it (the monitor listens).
      if (visible) monitor.start();
      return {};
    },
    'tasks.snapshot': () => monitor.snapshot(),
    'tasks.refresh': async ({ accountId }) => {
      await monitor.refreshNow(accountId);
      return {};
    },
    'tasks.history': ({ key }) => monitor.history(key),
    'tasks.thresholds': () => monitor.thresholds(),
    'tasks.setThreshold': ({ scope, threshold }) => {
      monitor.setThreshold(scope, threshold);
      return monitor.thresholds();
    },
  };
}
