import type { Argon2idParams, Clock, CryptoPort, RandomSource } from '../ports';
import type { KeyValueStore } from './ports';

export interface VaultDeps {
  store: KeyValueStore;
  crypto: CryptoPort;
  random: RandomSource;
  clock: Clock;
  /** Parameters for new key wraps (create, change password, backup). Default: PRODUCTION_KDF. */
  kdf?: Argon2idParams;
  /** Floors enforced when READING a stored vault or backup. Default: PRODUCTION_FLOOR. */
  minimum?: Argon2idParams;
  /** Stamps entries for sync merges (not secret). Default: 'this-device'. */
  deviceId?: string;
  /** Where the unlock throttle keeps its (non-secret) counters. Default: `store`. */
  throttleStore?: KeyValueStore;
}
