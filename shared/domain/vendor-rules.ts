// The vendor rules that code in shared/ or renderer/ checks too: the list import's digit count,
// the account defaults, the resend options. shared/ may import neither main/ nor renderer/, so
// these few live here; every other vendor rule lives in its vendor module
// (main/services/vendors/<vendor>/rules.ts), which re-exports these. Nothing else declares them.

/** An inclusive range of whole numbers (a count, a length, a number of seconds). */
export interface IntRange {
  readonly min: number;
  readonly max: number;
}

/** Digits of a voice group-call number, country code included (itniotech.md §5.1, §9.7). */
export const ITNIO_VOICE_NUMBER_DIGITS: IntRange = { min: 7, max: 15 };

/** Digits of an AI-agent group-call number, country code included (itniotech.md §5.8, §9.7). */
export const ITNIO_AI_NUMBER_DIGITS: IntRange = { min: 6, max: 18 };

/**
 * Digits of a country code (`ccode`, without +). itniotech.md §6.6 calls it a free string
 * (example "91"); 1–4 digits is the app's bound, enough for every ITU calling code.
 */
export const ITNIO_COUNTRY_CODE_DIGITS: IntRange = { min: 1, max: 4 };

/** A country code as ITNIO takes it (see ITNIO_COUNTRY_CODE_DIGITS). */
export const ITNIO_COUNTRY_CODE = new RegExp(
  `^\\d{${ITNIO_COUNTRY_CODE_DIGITS.min},${ITNIO_COUNTRY_CODE_DIGITS.max}}$`,
);

/** Longest display number (`displayNum`): 20 characters (itniotech.md §4.2, §5.1, §5.4, §5.8). */
export const ITNIO_DISPLAY_NUMBER_MAX = 20;

/** A call-center task's display number: up to 20 letters and digits, may be empty (§4.2). */
export const ITNIO_CC_DISPLAY_NUMBER = new RegExp(`^[A-Za-z0-9]{0,${ITNIO_DISPLAY_NUMBER_MAX}}$`);

/** A group call's display number: 0–20 digits (itniotech.md §5.1, §5.4, §5.8). */
export const ITNIO_GROUP_DISPLAY_NUMBER = new RegExp(`^\\d{0,${ITNIO_DISPLAY_NUMBER_MAX}}$`);

/** Most daily calling windows (`allowSendTime`) of a group call (itniotech.md §5.4). */
export const ITNIO_MAX_SEND_WINDOWS = 3;

/** A window's start or end (`strTime`, `endTime`): `HH:mm`, a real time of day (itniotech.md §5.4). */
export const ITNIO_DAY_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Seconds a number may ring (`maxRingingTime`): 20–120 (itniotech.md §4.2, §5.4, §9.14). */
export const ITNIO_RINGING_SECONDS: IntRange = { min: 20, max: 120 };

/**
 * The outbound ratio (`calloutRate`, calls per agent). itniotech.md §4.2: "range not
 * documented"; 1–100 is the app's bound.
 */
export const ITNIO_CALLOUT_RATE: IntRange = { min: 1, max: 100 };

/** Length of a group call's task name (`taskName`): 2–64, unique (itniotech.md §5.1, §5.4, §5.8). */
export const ITNIO_TASK_NAME_LENGTH: IntRange = { min: 2, max: 64 };

/**
 * The vendor's clock, minutes east of UTC, when the account does not say: China Standard Time.
 * ITNIO's `yyyy-MM-dd HH:mm:ss` times carry no zone (itniotech.md §9.9).
 */
export const ITNIO_DEFAULT_UTC_OFFSET_MINUTES = 480;
