import type { PtzTarget } from '@vigie/core';
import type { StoredOnvifDevice } from '@vigie/db';
import type { CredentialVault } from '@vigie/media';

/** The PTZ service of a camera's ONVIF device, its password opened from the vault only now. */
export function ptzTargetOf(device: StoredOnvifDevice, vault: CredentialVault): PtzTarget {
  return {
    address: device.address,
    credentials: { username: device.username, password: vault.open(device.passwordSealed) },
    profileToken: device.mainProfile,
  };
}
