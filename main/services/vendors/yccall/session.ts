import type { Clock } from '../../../ports';
import type { LoginResult } from './schemas';

/** Token lifetime stated on the English token page (yccall.md §2.1). */
export const TOKEN_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** What the app may show about the current sign-in (no token). */
export interface SessionInfo {
  readonly companyCode: string;
  readonly companyName: string | null;
  readonly authTime: string | null;
  /** Sim/wall-clock milliseconds when the token was obtained. */
  readonly obtainedAt: number;
  readonly expiresAt: number;
}

/** Signs in and returns the login result; the session calls it when it needs a token. */
export type LoginCall = (signal?: AbortSignal) => Promise<LoginResult>;

/**
 * The Yccall token, kept in memory only (DESIGN.md "Where data lives": never in files or logs).
 *
 * It signs in lazily, shares one sign-in between concurrent callers, renews the token a little
 * before its 12 hours are up, and forgets it when the server says it is invalid (`ret` 600).
 */
export class YccallSession {
  private current: { readonly token: string; readonly info: SessionInfo } | null = null;
  private pending: Promise<string> | null = null;
  /** Every token this session has held, so errors and logs can be checked against them. */
  private readonly seen = new Set<string>();

  constructor(
    private readonly login: LoginCall,
    private readonly clock: Clock,
    private readonly lifetimeMs: number = TOKEN_LIFETIME_MS,
    /** Renew this long before expiry, so a token never expires in flight. */
    private readonly marginMs: number = 5 * 60 * 1000,
  ) {}

  /** A valid token, signing in first when there is none or it is about to expire. */
  async token(signal?: AbortSignal): Promise<string> {
    const current = this.current;
    if (current && this.clock.now() < current.info.expiresAt - this.marginMs) return current.token;
    return this.renew(signal);
  }

  /** Signs in now (connection test, or after `ret` 600), sharing a sign-in already under way. */
  renew(signal?: AbortSignal): Promise<string> {
    if (this.pending) return this.pending;
    const run = async (): Promise<string> => {
      try {
        const obtainedAt = this.clock.now();
        const result = await this.login(signal);
        this.seen.add(result.token);
        this.current = {
          token: result.token,
          info: {
            companyCode: result.companycode,
            companyName: result.companyname ?? null,
            authTime: result.authtime ?? null,
            obtainedAt,
            expiresAt: obtainedAt + this.lifetimeMs,
          },
        };
        return result.token;
      } finally {
        this.pending = null;
      }
    };
    this.pending = run();
    return this.pending;
  }

  /** Forgets `token` if it is still the current one (the server refused it). */
  invalidate(token: string): void {
    if (this.current?.token === token) this.current = null;
  }

  /** Forgets the token (sign out, or the account's credentials changed). */
  clear(): void {
    this.current = null;
  }

  /** The current sign-in, without the token. */
  get info(): SessionInfo | null {
    return this.current?.info ?? null;
  }

  /** The current token, for the logout call only. */
  get currentToken(): string | null {
    return this.current?.token ?? null;
  }

  /** Every token held so far (to scrub them from errors). */
  knownTokens(): readonly string[] {
    return [...this.seen];
  }
}
