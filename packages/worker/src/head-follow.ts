import type { PresetMasks, PtzGateway } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import { headFollowOf, type CredentialVault, type PtzMaskFollowerOptions } from '@vigie/media';

/**
 * A PTZ camera's masks drawn per preset (read with the round's cameras) and how to read its head; undefined for other
 * cameras, whose ONVIF device is then not looked up.
 */
export async function headFollowFor(
  work: UnitOfWork,
  camera: { id: string; presets: readonly PresetMasks[] | undefined },
  access: { gateway: PtzGateway; vault?: CredentialVault | undefined },
): Promise<Pick<PtzMaskFollowerOptions, 'presets' | 'head'> | undefined> {
  if (camera.presets === undefined || camera.presets.length === 0) return undefined;
  const device = await work(({ onvifDevices }) => onvifDevices.get(camera.id));
  return headFollowOf(device, camera.presets, access);
}
