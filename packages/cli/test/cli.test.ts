import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@vigie/cli';
import { UserRepository, openDatabase } from '@vigie/db';
import { sql } from 'kysely';
import type { RunningServer } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConfiguredDatabase } from '../src/commands/database.js';
import { captureIo as io, startServerForCli, type ServerForCli } from './support.js';
import { startFakeOnvifDevice } from '../../media/test/support/fake-onvif-device.js';

describe('vigie camera (through a running server)', () => {
  let started: ServerForCli;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    // The test ONVIF device and its streams are on loopback, which cameras may use only where allowed.
    started = await startServerForCli(['supervisor'], { VIGIE_CAMERA_NETWORKS: '127.0.0.0/8' });
    ({ server, env } = started);
    // An embedded database and a server start: minutes on a loaded 2-core CI machine.
  }, 180_000);
  afterAll(() => started?.close());

  it('adds, lists and removes a camera with an API token', async () => {
    const add = io(env);
    const args = [
      'camera',
      'add',
      '--name',
      'Beffroi',
      '--url',
      'rtsp://u:pw@192.0.2.1/live',
      '--lat',
      '50.35',
      '--lon',
      '3.52',
    ];
    expect(await runCli([...args, '--purpose', 'public_space_safety', '--retention', '10'], add)).toBe(0);
    const id = /with id ([0-9a-f-]{36})/.exec(add.stdout.join('\n'))?.[1];
    expect(id).toBeDefined();

    const list = io(env);
    expect(await runCli(['camera', 'list'], list)).toBe(0);
    const text = list.stdout.join('\n');
    expect(text).toMatch(/ID\s+NAME\s+ENABLED\s+RETENTION\s+SOURCE/);
    expect(text).toContain('Beffroi');
    expect(text).toContain('10 d');
    expect(text).not.toContain(':pw@');

    const remove = io(env);
    expect(await runCli(['camera', 'remove', id ?? ''], remove)).toBe(0);
    const after = io(env);
    await runCli(['camera', 'list', '--json'], after);
    expect(JSON.parse(after.stdout.join('')) as unknown[]).toEqual([]);
  });

  it('discovers an ONVIF camera and adds it with its main and sub streams, the password read from stdin', async () => {
    const device = await startFakeOnvifDevice({
      username: 'cli',
      password: 'from-stdin-pw',
      profiles: [
        { token: 'hd', name: 'HD', width: 1280, height: 720, fps: 10, gop: 20, streamUrl: 'rtsp://127.0.0.1:9/hd' },
        { token: 'sd', name: 'SD', width: 640, height: 360, fps: 10, gop: 20, streamUrl: 'rtsp://127.0.0.1:9/sd' },
      ],
    });
    try {
      const discover = io(env);
      expect(await runCli(['camera', 'discover', '--timeout', '1500'], discover)).toBe(0);
      expect(discover.stdout.join('\n')).toMatch(/ADDRESS\s+NAME\s+HARDWARE\s+CAMERA/);
      expect(discover.stdout.join('\n')).toContain(device.address);

      const add = io(env, 'from-stdin-pw\n');
      const args = ['camera', 'add-onvif', '--address', device.address, '--username', 'cli', '--name', 'Gare PTZ'];
      expect(await runCli([...args, '--lat', '50.3', '--lon', '3.5', '--purpose', 'public_space_safety'], add)).toBe(0);
      expect(add.stdout.join('\n')).toMatch(/Camera "Gare PTZ" \(PTZ-1, main and sub streams\) registered with id /);

      const list = io(env);
      await runCli(['camera', 'list', '--json'], list);
      const gare = (
        JSON.parse(list.stdout.join('')) as { name: string; sourceUrl: string; subStreamUrl?: string }[]
      ).find((c) => c.name === 'Gare PTZ');
      expect(gare).toMatchObject({ sourceUrl: 'rtsp://cli@127.0.0.1:9/hd', subStreamUrl: 'rtsp://cli@127.0.0.1:9/sd' });

      // The profiles chosen: the small one recorded, no sub stream.
      const chosen = io(env, 'from-stdin-pw\n');
      const small = ['camera', 'add-onvif', '--address', device.address, '--username', 'cli', '--name', 'Gare SD'];
      const where = ['--lat', '50.3', '--lon', '3.5', '--purpose', 'public_space_safety'];
      expect(await runCli([...small, ...where, '--main-profile', 'sd', '--no-sub-stream'], chosen)).toBe(0);
      expect(chosen.stdout.join('\n')).toMatch(/Camera "Gare SD" \(PTZ-1, one stream\) registered/);
      expect(list.stdout.join('')).not.toContain('from-stdin-pw');
    } finally {
      await device.stop();
    }
  });

  it('lets the DPO authorise a camera added with camera add, audited like the registry edit of the console', async () => {
    const actor = { actorName: 'test setup' };
    await server.app.users.create(
      { username: 'privacy', displayName: 'DPO', roles: ['dpo'], password: 'a long enough password' },
      { now: new Date(), actor },
    );
    const dpoToken = await server.app.users.createToken({ username: 'privacy', name: 'cli', now: new Date(), actor });
    const dpo = { VIGIE_URL: server.url, VIGIE_TOKEN: dpoToken };
    const add = [
      'camera',
      'add',
      '--name',
      'Halles',
      '--url',
      'rtsp://192.0.2.7/live',
      '--lat',
      '50.3',
      '--lon',
      '3.5',
    ];
    expect(await runCli([...add, '--purpose', 'public_space_safety'], io(env))).toBe(0);
    const order = ['--order', 'PREF-59-2025-0142', '--issued', '2025-03-01', '--expires', '2030-02-28'];

    const first = io(dpo);
    expect(await runCli(['registry', 'authorise', 'Halles', ...order], first)).toBe(1);
    expect(first.stderr.join('\n')).toMatch(/no registry entry yet.*--signage installed --facing public/s);

    const done = io(dpo);
    expect(
      await runCli(['registry', 'authorise', 'Halles', ...order, '--signage', 'installed', '--facing', 'public'], done),
    ).toBe(0);
    expect(done.stdout.join('\n')).toBe(
      'Camera "Halles" authorised by order PREF-59-2025-0142 until 2030-02-28 (state: valid).',
    );
    // A renewal keeps the sign and facing already recorded.
    const renewed = io(dpo);
    const renewal = ['--order', 'PREF-59-2026-0007', '--issued', '2026-01-05', '--expires', '2031-01-04'];
    expect(await runCli(['registry', 'authorize', 'Halles', ...renewal], renewed)).toBe(0);

    const cameras = (await (
      await fetch(`${server.url}/api/cameras`, { headers: { authorization: `Bearer ${dpoToken}` } })
    ).json()) as {
      id: string;
      name: string;
      authorisation: { state: string };
    }[];
    const halles = cameras.find((c) => c.name === 'Halles');
    expect(halles?.authorisation.state).toBe('valid');
    const trail = (await (
      await fetch(`${server.url}/api/audit?action=registry.recorded`, {
        headers: { authorization: `Bearer ${dpoToken}` },
      })
    ).json()) as { cameraId: string; actorName: string }[];
    expect(trail.filter((e) => e.cameraId === halles?.id)).toHaveLength(2);

    const supervisor = io(env);
    expect(await runCli(['registry', 'authorise', 'Halles', ...renewal], supervisor)).toBe(1);
    expect(supervisor.stderr.join('\n')).toMatch(/role/i);
    const badDate = io(dpo);
    expect(
      await runCli(['registry', 'authorise', 'Halles', ...order.slice(0, 4), '--expires', '28/02/2030'], badDate),
    ).toBe(1);
    expect(badDate.stderr.join('\n')).toContain('--expires must be a date written YYYY-MM-DD');
  });

  it('prints the API error with the field and what to do, and exits 1', async () => {
    const bad = io(env);
    const args = ['camera', 'add', '--name', 'X', '--url', 'ftp://nope', '--lat', '50', '--lon', '3'];
    expect(await runCli([...args, '--purpose', 'public_space_safety', '--retention', '45'], bad)).toBe(1);
    const text = bad.stderr.join('\n');
    expect(text).toContain('/retentionDays: must be <= 30');
    expect(text).toContain('→');
  });

  it('reports a missing or wrong token with what to do', async () => {
    const anonymous = io({ VIGIE_URL: server.url });
    expect(await runCli(['camera', 'list'], anonymous)).toBe(1);
    expect(anonymous.stderr.join('\n')).toMatch(/Log in to use this route[\s\S]*API token/);
    const wrong = io({ VIGIE_URL: server.url, VIGIE_TOKEN: 'vgt_forged' });
    expect(await runCli(['camera', 'list'], wrong)).toBe(1);
  });

  it('says how to start a server when none answers', async () => {
    const none = io({ VIGIE_URL: 'http://127.0.0.1:9' });
    expect(await runCli(['camera', 'list'], none)).toBe(1);
    expect(none.stderr.join('\n')).toMatch(/No Vigie server answers at http:\/\/127\.0\.0\.1:9.*vigie start/);
  });

  it('refuses to open the embedded database a running server holds', async () => {
    const user = io({ VIGIE_DATA_DIR: started.dataDir }, 'correct horse battery staple\n');
    expect(await runCli(['user', 'add', 'alice', '--role', 'operator'], user)).toBe(1);
    expect(user.stderr.join('\n')).toMatch(/in use by process \d+\. Stop that Vigie server first/);
  });
});

describe('vigie user add and migrate (direct database access)', () => {
  it('migrates, creates an account with an argon2id hash, and refuses bad input', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'vigie-cli-'));
    const env = { VIGIE_DATA_DIR: dataDir };
    const migrate = io(env);
    expect(await runCli(['migrate'], migrate)).toBe(0);
    expect(migrate.stdout.join('\n')).toMatch(/applied .*Initial/);
    // A one-shot command opens the embedded database with small shared buffers (128 MB zeroed: 0.6 CPU-s a start).
    const opened = await openConfiguredDatabase(io(env));
    const shown = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(opened.db);
    await opened.close();
    expect(shown.rows[0]?.shared_buffers).toBe('16MB');

    const add = io(env, 'correct horse battery staple\n');
    expect(
      await runCli(['user', 'add', 'alice', '--role', 'operator', '--role', 'supervisor', '--name', 'Alice M.'], add),
    ).toBe(0);
    const addText = add.stdout.join('\n');
    expect(addText).toContain('User "alice" created with roles operator, supervisor.');
    expect(addText).toMatch(/otpauth:\/\/totp\/Vigie:alice\?/);

    // No server has run yet, so no checkpoint: the chain holds, but a rewrite could not be told (exit 3).
    const unanchored = io(env);
    expect(await runCli(['audit', 'verify'], unanchored)).toBe(3);
    expect(unanchored.stderr.join('\n')).toMatch(/chain intact: 1 entries, but NO signed checkpoint/);
    const checkpoint = io(env);
    expect(await runCli(['audit', 'checkpoint'], checkpoint)).toBe(0);
    expect(checkpoint.stdout.join('\n')).toMatch(/Audit checkpoint: 1 entries, head [0-9a-f]{64}/);
    const verify = io(env);
    expect(await runCli(['audit', 'verify'], verify)).toBe(0);
    expect(verify.stdout.join('\n')).toMatch(/Audit trail intact: 1 entries, hash chain verified, held to 1 signed/);

    const again = io(env, 'another long password\n');
    expect(await runCli(['user', 'add', 'alice', '--role', 'dpo'], again)).toBe(1);
    expect(again.stderr.join('\n')).toContain('already exists');

    const bad = io(env, 'short\n');
    expect(await runCli(['user', 'add', 'Bob Smith', '--role', 'superuser'], bad)).toBe(1);
    const text = bad.stderr.join('\n');
    expect(text).toContain('/username');
    expect(text).toContain('"superuser" is not one of operator, supervisor, dpo, admin, public');
    expect(text).toContain('/password: must have at least 12 characters');

    const database = await openDatabase({ dataDir: join(dataDir, 'db') });
    const users = await new UserRepository(database.db).list();
    const stored = await database.db.selectFrom('users').select('password_hash').executeTakeFirstOrThrow();
    await database.close();
    expect(users.map((u) => u.username)).toEqual(['alice']);
    // The CLI is a production entry point: it never lowers the cost (tests do, only through their helpers).
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(stored.password_hash).not.toContain('correct horse');

    // Tampering with the trail directly in the database is reported, with exit code 2.
    const tamper = await openDatabase({ dataDir: join(dataDir, 'db') });
    await tamper.db.updateTable('audit_log').set({ actor_name: 'someone else' }).execute();
    await tamper.close();
    const tampered = io(env);
    expect(await runCli(['audit', 'verify'], tampered)).toBe(2);
    expect(tampered.stderr.join('\n')).toMatch(/TAMPERED[\s\S]*entry 1: modified/);

    // Wiping the trail, its head and the database copy of the checkpoints: the file outside still tells.
    const wipe = await openDatabase({ dataDir: join(dataDir, 'db') });
    for (const table of ['audit_log', 'audit_head', 'audit_checkpoints'] as const)
      await wipe.db.deleteFrom(table).execute();
    await wipe.close();
    const wiped = io(env);
    expect(await runCli(['audit', 'verify'], wiped)).toBe(2);
    expect(wiped.stderr.join('\n')).toMatch(/TAMPERED[\s\S]*checkpoint \S+ \(1 entries\): entries missing/);
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('explains unknown commands and missing options', async () => {
    const unknown = io({});
    expect(await runCli(['camera', 'explode'], unknown)).not.toBe(0);
    expect(unknown.stderr.join('\n')).toMatch(/unknown command 'explode'/);
    const missing = io({});
    expect(await runCli(['camera', 'add', '--name', 'x'], missing)).not.toBe(0);
    expect(missing.stderr.join('\n')).toMatch(/required option '--url <url>' not specified/);
  });

  it('reports an invalid configuration with the variable to fix', async () => {
    const bad = io({ VIGIE_PORT: 'abc' }, 'a long enough password');
    expect(await runCli(['migrate'], bad)).toBe(1);
    expect(bad.stderr.join('\n')).toContain('VIGIE_PORT="abc" must be a whole number');
  });
});
