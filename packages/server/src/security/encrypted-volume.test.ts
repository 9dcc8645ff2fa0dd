import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDirOnEncryptedVolume, type KernelViews } from './encrypted-volume.js';

describe('seeing whether the data directory is on an encrypted volume (LEGAL R13)', () => {
  let root: string;
  let views: KernelViews;
  let data: string;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vigie-volume-'));
    data = join(root, 'srv', 'vigie data');
    await mkdir(join(data, 'plain'), { recursive: true });
    await mkdir(join(data, 'lvm'), { recursive: true });
    views = { mountinfo: join(root, 'mountinfo'), blockDevices: join(root, 'block') };
    const escaped = (path: string) => path.replace(/ /g, '\\040');
    await writeFile(
      views.mountinfo,
      [
        `26 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw`,
        `40 26 253:0 / ${escaped(data)} rw,relatime - ext4 /dev/mapper/data rw`,
        `41 40 8:2 / ${escaped(join(data, 'plain'))} rw,relatime - ext4 /dev/sda2 rw`,
        `42 40 253:1 / ${escaped(join(data, 'lvm'))} rw,relatime - ext4 /dev/mapper/vg-video rw`,
      ].join('\n'),
    );
    const device = async (id: string, uuid?: string) => {
      await mkdir(join(views.blockDevices, id, 'dm'), { recursive: true });
      if (uuid !== undefined) await writeFile(join(views.blockDevices, id, 'dm', 'uuid'), uuid);
    };
    await device('253:0', 'CRYPT-LUKS2-0123456789abcdef-data');
    await device('8:2');
    // LVM on LUKS: the logical volume's slave is the dm-crypt mapping.
    await device('253:1', 'LVM-abcdef');
    await mkdir(join(views.blockDevices, '253:1', 'slaves', 'dm-2', 'dm'), { recursive: true });
    await writeFile(join(views.blockDevices, '253:1', 'slaves', 'dm-2', 'dm', 'uuid'), 'CRYPT-LUKS2-fedcba-pv');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('sees dm-crypt under the data directory, directly or beneath LVM', async () => {
    expect(await dataDirOnEncryptedVolume(data, views)).toBe(true);
    expect(await dataDirOnEncryptedVolume(join(data, 'lvm'), views)).toBe(true);
  });

  it('does not see it on a plain partition, nor without the kernel views', async () => {
    expect(await dataDirOnEncryptedVolume(join(data, 'plain'), views)).toBe(false);
    expect(await dataDirOnEncryptedVolume(root, views)).toBe(false);
    expect(await dataDirOnEncryptedVolume(data, { mountinfo: join(root, 'none'), blockDevices: root })).toBe(false);
  });
});
