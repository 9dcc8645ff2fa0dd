import { readFile, readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the kernel's views are read from (tests point them at a fake tree). */
export interface KernelViews {
  /** Usually `/proc/self/mountinfo`. */
  mountinfo: string;
  /** Usually `/sys/dev/block`. */
  blockDevices: string;
}

const linux: KernelViews = { mountinfo: '/proc/self/mountinfo', blockDevices: '/sys/dev/block' };

/** The device (major:minor) of the mount holding `path`: the longest mount point that contains it. */
function deviceOf(mountinfo: string, path: string): string | undefined {
  let best: { point: string; device: string } | undefined;
  for (const line of mountinfo.split('\n')) {
    const fields = line.split(' ');
    const device = fields[2];
    // Mount points escape spaces and other characters as octal (\040).
    const point = fields[4]?.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
    if (device === undefined || point === undefined) continue;
    const inside = path === point || path.startsWith(point.endsWith('/') ? point : `${point}/`);
    if (inside && (best === undefined || point.length >= best.point.length)) best = { point, device };
  }
  return best?.device;
}

/** Whether a block device is, or sits on, a dm-crypt mapping (LUKS, plain dm-crypt; LVM on LUKS too). */
async function onDmCrypt(blockDir: string, depth = 0): Promise<boolean> {
  if (depth > 8) return false;
  const uuid = await readFile(join(blockDir, 'dm', 'uuid'), 'utf8').catch(() => '');
  if (uuid.startsWith('CRYPT-')) return true;
  const slaves = await readdir(join(blockDir, 'slaves')).catch(() => [] as string[]);
  for (const slave of slaves) if (await onDmCrypt(join(blockDir, 'slaves', slave), depth + 1)) return true;
  return false;
}

/**
 * Whether the data directory lies on a dm-crypt volume (LEGAL R13, encryption at rest), read from the
 * kernel. False means "not seen", not "unencrypted": a self-encrypting disk or a cloud volume encrypted
 * by its provider does not show here, so a person still checks it.
 */
export async function dataDirOnEncryptedVolume(dataDir: string, views: KernelViews = linux): Promise<boolean> {
  try {
    const device = deviceOf(await readFile(views.mountinfo, 'utf8'), await realpath(dataDir));
    return device === undefined ? false : await onDmCrypt(join(views.blockDevices, device));
  } catch {
    // No /proc (another system): nothing seen.
    return false;
  }
}
