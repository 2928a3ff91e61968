import { serverUrlProblem, type AccountProfile } from '../../../shared/domain/account';
import type { Clock, Logger } from '../../ports';
import { AppError } from '../errors';
import type { VendorFactory } from '../accounts/accounts-service';
import type { RequestRecorder } from '../audit/request-recorder';
import type { DemoSandbox } from '../sandbox/demo-sandbox';
import type { HttpSend } from './http';
import { ItniotechClient } from './itniotech/client';
import { ItniotechVendor } from './itniotech/itniotech-vendor';
import { YccallVendor } from './yccall/yccall-vendor';

/**
 * Builds the vendor client of an account profile. Demo accounts point at the built-in
 * simulator (started on first use); real accounts at their configured servers.
 */
export function createVendorFactory(deps: {
  readonly send: HttpSend;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly demo: DemoSandbox;
  /** Lets the outbox record the exact requests of a submission for the audit trail. */
  readonly recorder?: RequestRecorder;
}): VendorFactory {
  const send = deps.recorder ? deps.recorder.wrap(deps.send) : deps.send;
  return async (profile, getSecret) => {
    // The built-in simulator runs on this computer (http://127.0.0.1), for demo accounts only.
    if (!profile.demo) refuseUnencryptedTransport(profile);
    const demoUrl = profile.demo ? await deps.demo.url() : null;
    if (profile.vendor === 'itniotech') {
      const baseUrl = demoUrl ?? profile.connection.baseUrl;
      const client = new ItniotechClient({
        apiKey: profile.connection.apiKey,
        getSecret,
        brand: profile.connection.brand,
        ...(baseUrl ? { baseUrl } : {}),
        send,
        clock: deps.clock,
        logger: deps.logger,
      });
      const defaultAppId = profile.connection.defaults.appId;
      return new ItniotechVendor({
        accountId: profile.id,
        client,
        clock: deps.clock,
        vendorUtcOffsetMinutes: profile.connection.serverUtcOffsetMinutes,
        ...(defaultAppId ? { defaultAppId } : {}),
      });
    }
    return new YccallVendor({
      accountId: profile.id,
      serverUrl: demoUrl ?? profile.connection.serverUrl,
      appid: profile.connection.appid,
      dialing: profile.connection.dialing,
      ...(profile.connection.serverUtcOffsetMinutes === null
        ? {}
        : { serverUtcOffsetMinutes: profile.connection.serverUtcOffsetMinutes }),
      getAccessKey: getSecret,
      send,
      clock: deps.clock,
      logger: deps.logger,
    });
  };
}

/**
 * The transport rule, checked again where a vendor module is built: https, or http:// only with
 * the account's consent and only to this computer or a private network (DESIGN.md, "Vendor
 * calls"). The account schema already refuses such profiles; this keeps the rule true for any
 * profile that reaches the factory, whatever the renderer or a hand-edited settings file says.
 */
function refuseUnencryptedTransport(profile: AccountProfile): void {
  const address =
    profile.vendor === 'yccall' ? profile.connection.serverUrl : profile.connection.baseUrl;
  if (address === undefined) return;
  const problem = serverUrlProblem(address, {
    allowUnencrypted: profile.connection.allowUnencrypted === true,
  });
  if (problem === 'http-not-allowed') {
    throw new AppError(
      'INVALID_INPUT',
      {
        en: `"${profile.name}" uses an unencrypted http:// address. Edit the account to use https://, or allow an unencrypted connection (only for this computer or a private network).`,
        'zh-CN': `“${profile.name}”使用未加密的 http:// 地址。请编辑该账户改用 https://，或允许未加密的连接（仅限本机或内网）。`,
      },
      { id: profile.id, problem },
    );
  }
  if (problem === 'http-public-host') {
    throw new AppError(
      'INVALID_INPUT',
      {
        en: `"${profile.name}" would send its credentials unencrypted (http://) to a server on the internet, which the app refuses. Edit the account to use https://.`,
        'zh-CN': `“${profile.name}”会以未加密的 http:// 方式把凭据发送到互联网上的服务器，应用已拒绝。请编辑该账户改用 https://。`,
      },
      { id: profile.id, problem },
    );
  }
}
