/**
 * The Ed25519 public keys whose signature an update must carry (base64 SPKI DER).
 *
 * Empty until the first release: with no key the app never checks for updates (it could verify
 * none) and says so in its update state. To make the key, once: `npx tsx
 * scripts/update-signing-key.ts` prints a new private key for the release pipeline's secret
 * `CAMPAIGN_DESK_UPDATE_SIGNING_KEY` and the public key to add here. To rotate, add the new key,
 * release, then sign with the new key and remove the old one a release later. README: "Releases
 * and auto-update".
 */
export const TRUSTED_UPDATE_KEYS: readonly string[] = [];
