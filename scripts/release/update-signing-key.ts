/**
 * Makes the release's update signing key, once (README, "Auto-update").
 *
 * The private key goes to standard output and nowhere else, so it can be piped straight into the
 * repository secret without being shown or written to a file:
 *
 *   npx tsx scripts/release/update-signing-key.ts | gh secret set CAMPAIGN_DESK_UPDATE_SIGNING_KEY
 *
 * The public key, which the app must trust, is printed on standard error: add it to
 * `TRUSTED_UPDATE_KEYS` in main/services/app/update-keys.ts and commit that.
 */
import { generateKeyPairSync } from 'node:crypto';
import { publicKeyOf } from '../../main/services/app/update-signature';

const { privateKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
process.stderr.write(
  `Public key (add it to TRUSTED_UPDATE_KEYS in main/services/app/update-keys.ts):\n${publicKeyOf(pem)}\n`,
);
process.stdout.write(pem);
