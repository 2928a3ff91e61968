import type { LogControl, SecretStore } from '../../ports';

/**
 * The keychain, with every secret that passes through it registered with the logger.
 *
 * A secret the app reads or stores is then masked in every later log line, wherever it
 * appears: in a vendor's echo of a request, in an error message, in a field with an innocent
 * name. The logger's own rules catch secret-named fields; this catches the rest.
 */
export function maskingSecretStore(
  store: SecretStore,
  log: Pick<LogControl, 'maskSecret'>,
): SecretStore {
  return {
    async get(account) {
      const secret = await store.get(account);
      if (secret !== null) log.maskSecret(secret);
      return secret;
    },
    async set(account, secret) {
      log.maskSecret(secret);
      await store.set(account, secret);
    },
    delete: (account) => store.delete(account),
  };
}
