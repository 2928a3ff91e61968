import type { IntRange } from '../../../../shared/domain/vendor-rules';
import { MAX_LIST_VARIABLES } from '../../../../shared/domain/list';
import type { ScheduleFields } from '../draft-checks';

// Every limit and format of the Yccall predictive API that the app checks, each written once with
// the paragraph of api/yccall.md it comes from. Draft validation (./draft-rules.ts), the create
// settings schema (./mapping.ts), the client (./client.ts) and the pre-flight read them from here.
// Where yccall.md documents no bound, the bound is the app's and says so.

/**
 * What of a draft's schedule a predictive task sends: a start (`scheduledtime`, yccall.md §4.1;
 * the `scheduledTime` setting, written in the server's zone by mapping.ts), no daily windows
 * (none documented).
 */
export const SCHEDULE: ScheduleFields = { start: 'scheduledTime', windows: null };

/** Most numbers per TaskCreat and per TaskAdd (yccall.md §4.1, §4.2); more go out as TaskAdd. */
export const MAX_NUMBERS_PER_CALL = 10_000;

/** Most CDRs per GetBill page (`itemsperpage` 1–1000, yccall.md §6.1). */
export const BILL_PAGE_MAX = 1_000;

/**
 * Length of a task name (`taskname`). yccall.md §4.1 documents none; 1–64 is the app's bound.
 * Names must be unique: they are how a create is found again (§4.6 `taskname` filter).
 */
export const TASK_NAME_LENGTH: IntRange = { min: 1, max: 64 };

/**
 * Who answers a task (`assigntype`, yccall.md §4.1, §7.1): an extension (1), a queue (2, only on
 * the older/English page) or an extension group (3).
 */
export const ASSIGN_TYPE_CODES = { extension: 1, queue: 2, group: 3 } as const;
/** The app's names of the `assigntype` values. */
export const ASSIGN_TYPES = ['extension', 'queue', 'group'] as const;

/**
 * The task scale `N:M` (`taskscale`, yccall.md §4.1): for every N idle agents, M calls. The doc
 * gives the format only; 1–100 on each side is the app's bound.
 */
export const TASK_SCALE_PART: IntRange = { min: 1, max: 100 };

/** Task concurrency (`concurrent`, yccall.md §4.1: default 100, no maximum documented; the app's). */
export const CONCURRENT: IntRange = { min: 1, max: 10_000 };

/**
 * Digits of a caller id (`disnumber`, comma-separated, empty = random: yccall.md §4.1, §7.3).
 * The doc gives no format; 3–20 digits is the app's bound.
 */
export const DISPLAY_NUMBER_DIGITS: IntRange = { min: 3, max: 20 };

/** A caller id as the app accepts it: digits (see DISPLAY_NUMBER_DIGITS), an optional +. */
export const DISPLAY_NUMBER = new RegExp(
  `^\\+?\\d{${DISPLAY_NUMBER_DIGITS.min},${DISPLAY_NUMBER_DIGITS.max}}$`,
);

/** Most caller ids of one task (the app's bound; yccall.md §4.1 documents none). */
export const MAX_DISPLAY_NUMBERS = 100;

/**
 * Which list variable holds a number's preset call time (the `time` of a telphone entry, yccall.md
 * §4.1): one of the list's variables.
 */
export const CALL_TIME_VARIABLE: IntRange = { min: 1, max: MAX_LIST_VARIABLES };
