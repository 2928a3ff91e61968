import { z } from 'zod';
import {
  AccountChangesSchema,
  AccountIdSchema,
  AccountViewSchema,
  ConnectionCheckResultSchema,
  NewAccountSchema,
} from '../domain/account';
import { AppInfoSchema } from '../domain/app-info';
import { ErrorCodeSchema } from './errors';
import { PreferencesPatchSchema, PreferencesSchema } from '../domain/settings';
import type { ChannelName, EventName } from './names';

/** A request channel: what the renderer sends and what main answers. */
export interface ChannelSpec {
  readonly request: z.ZodType;
  readonly response: z.ZodType;
}

/** No fields: still an object, so every request has the same shape. */
const Empty = z.strictObject({});

/** An https URL (the only kind the app opens in the system browser). */
export const HttpsUrlSchema = z
  .string()
  .max(2048, 'The link is longer than 2,048 characters.')
  .refine((value) => {
    try {
      return new URL(value).protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Only https:// links can be opened.');

/**
 * Every request channel, `domain.verb` → request and response schema.
 *
 * `satisfies Record<ChannelName, …>` makes the type-check fail when this object and
 * `CHANNEL_NAMES` differ in either direction.
 */
const AccountsStateSchema = z.strictObject({
  accounts: z.array(AccountViewSchema),
  /** null: "All accounts". */
  activeAccountId: z.string().nullable(),
});

export const channels = {
  'accounts.list': { request: Empty, response: AccountsStateSchema },
  'accounts.create': { request: NewAccountSchema, response: AccountViewSchema },
  'accounts.update': {
    request: z.strictObject({ id: AccountIdSchema, changes: AccountChangesSchema }),
    response: AccountViewSchema,
  },
  'accounts.remove': { request: z.strictObject({ id: AccountIdSchema }), response: Empty },
  'accounts.testConnection': {
    request: z.strictObject({ id: AccountIdSchema }),
    response: z.strictObject({
      account: AccountViewSchema,
      check: ConnectionCheckResultSchema.extend({ code: ErrorCodeSchema.nullable() }),
    }),
  },
  'accounts.setActive': {
    request: z.strictObject({ id: AccountIdSchema.nullable() }),
    response: Empty,
  },
  'accounts.addDemo': {
    request: Empty,
    response: z.strictObject({ accounts: z.array(AccountViewSchema) }),
  },
  'app.info': { request: Empty, response: AppInfoSchema },
  'app.openExternal': { request: z.strictObject({ url: HttpsUrlSchema }), response: Empty },
  'settings.get': { request: Empty, response: PreferencesSchema },
  'settings.update': {
    request: z.strictObject({ patch: PreferencesPatchSchema }),
    response: PreferencesSchema,
  },
} as const satisfies Record<ChannelName, ChannelSpec>;

/** Every push event, name → payload schema. */
export const events = {
  'accounts.changed': AccountsStateSchema,
  'settings.changed': PreferencesSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Channels = typeof channels;
export type Events = typeof events;
/** What a caller passes for a channel. */
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What a handler receives after validation. */
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
/** What a channel answers with. */
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;
/** What an event carries. */
export type EventPayloadOf<E extends EventName> = z.output<Events[E]>;
