import type { Clock, Logger } from '../../ports';
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
