/**
 * Child process of keychain-accounts.test.ts: tries to save an account with the real keytar
 * adapter in an environment without a secret service, and prints the outcome as JSON.
 * Usage: tsx save-without-keyring.ts <data folder> <secret>
 */
import { randomUUID } from 'node:crypto';
import { AccountsService } from '../../../main/services/accounts/accounts-service';
import { AppError } from '../../../main/services/errors';
import { KeytarSecretStore } from '../../../main/platform/keytar-secret-store';
import { ConfKeyValueStore } from '../../../main/services/settings/conf-store';
import { MemoryLogger } from '../../fakes/memory-logger';
import { fakeVendorFactory } from '../../fakes/fake-vendor';

const [folder, secret] = process.argv.slice(2);
if (!folder || !secret) throw new Error('usage: save-without-keyring.ts <folder> <secret>');
const accounts = new AccountsService({
  store: new ConfKeyValueStore(folder),
  secrets: new KeytarSecretStore(`Campaign Desk test ${randomUUID()}`),
  clock: { now: () => Date.now() },
  newId: randomUUID,
  vendorFor: fakeVendorFactory(),
  locale: () => 'en',
  logger: new MemoryLogger(),
});
try {
  await accounts.create({
    vendor: 'itniotech',
    name: 'No keyring account',
    connection: { brand: 'itniotech', apiKey: 'nokey', defaults: {}, serverUtcOffsetMinutes: 480 },
    secret,
  });
  process.stdout.write(`${JSON.stringify({ code: 'SAVED' })}\n`);
} catch (error) {
  const code = error instanceof AppError ? error.code : 'THROWN';
  const message = error instanceof AppError ? error.text.en : String(error);
  process.stdout.write(`${JSON.stringify({ code, message })}\n`);
}
