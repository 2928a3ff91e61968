import type { ItniotechBrand } from '../../../../shared/domain/account';

// The brands the ITNIO API is sold under (itniotech.md, brand table) live with the account schema.
export { ItniotechBrandSchema, type ItniotechBrand } from '../../../../shared/domain/account';

/** Where one account's requests go: base URL and the per-family path prefixes. */
export interface ItniotechRoutes {
  readonly baseUrl: string;
  /** Prefix of voice group-call, number and record paths: "" (itniotech) or "/v3" (onbuka). */
  readonly voicePrefix: string;
  /** Prefix of call-center paths: "/v3" for both brands. */
  readonly ccPrefix: string;
  /** Full path of the balance query, which differs per brand. */
  readonly balancePath: string;
}

const BRAND_ROUTES: Readonly<Record<ItniotechBrand, ItniotechRoutes>> = {
  itniotech: {
    baseUrl: 'https://api.itniotech.com',
    voicePrefix: '',
    ccPrefix: '/v3',
    balancePath: '/sms/getBalance',
  },
  onbuka: {
    baseUrl: 'https://api.onbuka.com',
    voicePrefix: '/v3',
    ccPrefix: '/v3',
    // itniotech.md §6.7 left the onbuka path unchecked; onbuka's own SMS API page
    // (onbuka.com/sms-api2, "Get balance") documents GET https://api.onbuka.com/v3/getBalance.
    balancePath: '/v3/getBalance',
  },
};

/**
 * The routes for a brand, optionally at another base URL (a proxy, or the simulator's
 * http://127.0.0.1:port). Path prefixes always follow the brand (itniotech.md §9.8).
 */
export function resolveRoutes(brand: ItniotechBrand, baseUrlOverride?: string): ItniotechRoutes {
  const routes = BRAND_ROUTES[brand];
  if (baseUrlOverride === undefined || baseUrlOverride === '') return routes;
  return { ...routes, baseUrl: baseUrlOverride.replace(/\/+$/, '') };
}
