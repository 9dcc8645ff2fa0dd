import type { Camera } from '@vigie/core';
import { definedOnly } from '@vigie/core/defined-only';
import { Command } from 'commander';
import type { CliIo } from '../io.js';
import { collectRepeated } from './repeatable-option.js';
import { client, serverOption } from './server-client.js';

function table(cameras: Camera[]): string {
  const rows = cameras.map((c) => [c.id, c.name, c.enabled ? 'on' : 'off', `${c.retentionDays} d`, c.sourceUrl]);
  const header = ['ID', 'NAME', 'ENABLED', 'RETENTION', 'SOURCE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A device found by `POST /api/cameras/discover`. */
interface Discovered {
  address: string;
  urn: string;
  name?: string;
  hardware?: string;
  cameraId?: string;
}

function discoveredTable(devices: Discovered[]): string {
  const rows = devices.map((d) => [d.address, d.name ?? '', d.hardware ?? '', d.cameraId ?? '']);
  const header = ['ADDRESS', 'NAME', 'HARDWARE', 'CAMERA'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** `vigie camera list|add|add-onvif|discover|remove`: the camera registry, through a running server's API. */
export function cameraCommand(io: CliIo): Command {
  const camera = new Command('camera')
    .description('manage the camera registry of a running server')
    .addOption(serverOption());

  camera
    .command('list')
    .description('list cameras')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }, command: Command) => {
      const cameras = await client(command, io).request<Camera[]>('GET', '/api/cameras');
      io.out(options.json ? JSON.stringify(cameras, null, 2) : cameras.length === 0 ? 'No cameras.' : table(cameras));
    });

  camera
    .command('add')
    .description('register a camera')
    .requiredOption('--name <name>', 'display name, unique')
    .requiredOption('--url <url>', 'stream URL: rtsp://, rtsps://, http(s):// (file:// in the demo only)')
    .requiredOption('--lat <degrees>', 'latitude', Number)
    .requiredOption('--lon <degrees>', 'longitude', Number)
    .requiredOption('--purpose <purpose>', 'declared purpose (repeat for several)', collectRepeated, [])
    .option('--retention <days>', 'days recordings are kept (1–30)', Number)
    .option('--heading <degrees>', 'direction the camera faces, from north', Number)
    .option('--fov <degrees>', 'horizontal field of view', Number)
    .option('--disabled', 'register it switched off')
    .action(
      async (
        options: {
          name: string;
          url: string;
          lat: number;
          lon: number;
          purpose: string[];
          retention?: number;
          heading?: number;
          fov?: number;
          disabled?: boolean;
        },
        command: Command,
      ) => {
        const created = await client(command, io).request<Camera>('POST', '/api/cameras', {
          name: options.name,
          sourceUrl: options.url,
          location: { lat: options.lat, lon: options.lon },
          purposes: options.purpose,
          ...definedOnly({ retentionDays: options.retention, heading: options.heading, fieldOfView: options.fov }),
          ...(options.disabled ? { enabled: false } : {}),
        });
        io.out(`Camera "${created.name}" registered with id ${created.id}.`);
      },
    );

  camera
    .command('discover')
    .description('find ONVIF cameras on the server’s local network (WS-Discovery)')
    .option('--timeout <ms>', 'how long answers are gathered (500–10000)', Number, 3000)
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { timeout: number; json?: boolean }, command: Command) => {
      const found = await client(command, io).request<Discovered[]>('POST', '/api/cameras/discover', {
        timeoutMs: options.timeout,
      });
      if (options.json) io.out(JSON.stringify(found, null, 2));
      else io.out(found.length === 0 ? 'No ONVIF camera answered.' : discoveredTable(found));
    });

  camera
    .command('add-onvif')
    .description('register a camera from its ONVIF device: main stream recorded, sub stream analysed')
    .requiredOption('--address <url>', 'device service URL, as "vigie camera discover" lists it')
    .requiredOption('--username <name>', 'ONVIF account on the camera')
    .requiredOption('--name <name>', 'display name, unique')
    .requiredOption('--lat <degrees>', 'latitude', Number)
    .requiredOption('--lon <degrees>', 'longitude', Number)
    .requiredOption('--purpose <purpose>', 'declared purpose (repeat for several)', collectRepeated, [])
    .option('--retention <days>', 'days recordings are kept (1–30)', Number)
    .option('--main-profile <token>', 'media profile recorded (default: the largest)')
    .option('--sub-profile <token>', 'media profile analysed (default: the smallest)')
    .option('--no-sub-stream', 'no sub stream: analysis decodes the main stream')
    .addHelpText(
      'after',
      '\nThe ONVIF password is read from VIGIE_ONVIF_PASSWORD, else from standard input (never an argument).',
    )
    .action(
      async (
        options: {
          address: string;
          username: string;
          name: string;
          lat: number;
          lon: number;
          purpose: string[];
          retention?: number;
          mainProfile?: string;
          subProfile?: string;
          subStream: boolean;
        },
        command: Command,
      ) => {
        const password = io.env['VIGIE_ONVIF_PASSWORD'] ?? (await io.readStdin()).replace(/\r?\n$/, '');
        const added = await client(command, io).request<{
          camera: Camera;
          device: { model: string; subProfile?: string };
        }>('POST', '/api/cameras/onvif', {
          address: options.address,
          username: options.username,
          password,
          name: options.name,
          location: { lat: options.lat, lon: options.lon },
          purposes: options.purpose,
          ...definedOnly({ retentionDays: options.retention, mainProfile: options.mainProfile }),
          ...(options.subStream ? definedOnly({ subProfile: options.subProfile }) : { subProfile: null }),
        });
        const streams = added.device.subProfile === undefined ? 'one stream' : 'main and sub streams';
        io.out(
          `Camera "${added.camera.name}" (${added.device.model}, ${streams}) registered with id ${added.camera.id}.`,
        );
      },
    );

  camera
    .command('remove')
    .description('remove a camera by id')
    .argument('<id>', 'camera id (see "vigie camera list")')
    .action(async (id: string, _options: unknown, command: Command) => {
      await client(command, io).request('DELETE', `/api/cameras/${encodeURIComponent(id)}`);
      io.out(`Camera ${id} removed.`);
    });

  return camera;
}
