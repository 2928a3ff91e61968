import {
  BoardPreferencesSchema,
  DEFAULT_BOARD_PREFERENCES,
  type BoardPreferences,
} from '../../../shared/domain/board-ui';
import type { KeyValueStore } from '../../ports';

const KEY = 'board.preferences';

/** The board's remembered layout (columns, sort), kept in the settings store. */
export class BoardPreferencesStore {
  constructor(private readonly store: KeyValueStore) {}

  /** The saved preferences, or the defaults when none (or unreadable ones) are saved. */
  get(): BoardPreferences {
    const parsed = BoardPreferencesSchema.safeParse(this.store.get(KEY));
    return parsed.success ? parsed.data : DEFAULT_BOARD_PREFERENCES;
  }

  /** Saves validated preferences and returns them. */
  set(preferences: BoardPreferences): BoardPreferences {
    const parsed = BoardPreferencesSchema.parse(preferences);
    this.store.set(KEY, parsed);
    return parsed;
  }
}
