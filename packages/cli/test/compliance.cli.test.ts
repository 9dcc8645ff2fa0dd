import { runCli } from '@vigie/cli';
import type { RunningServer } from '@vigie/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definedOnly } from '@vigie/core';
import { captureIo as io, startServerForCli, type ServerForCli } from './support.js';

describe('vigie compliance against the demo (LEGAL R29: privacy by default passes)', () => {
  let started: ServerForCli;
  let server: RunningServer;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    started = await startServerForCli(['dpo'], { VIGIE_DEMO: 'true' });
    ({ server, env } = started);
    // The demo's cameras start recording: minutes on a loaded 2-core CI machine.
  }, 180_000);
  afterAll(() => started?.close());

  it('prints every checkable requirement passing on the demo, and those a person must check', async () => {
    const run = io(env);
    expect(await runCli(['compliance', '--lang', 'en'], run), run.stdout.concat(run.stderr).join('\n')).toBe(0);
    const text = run.stdout.join('\n');
    expect(text).toMatch(/^PASS {3}R1 /m);
    expect(text).toMatch(/^PASS {3}R29 /m);
    expect(text).not.toMatch(/^FAIL/m);
    // Habilitations are enforced (the demo accounts carry a fictitious designation) and exports can be sealed.
    expect(text).toMatch(/^PASS {3}R8 /m);
    expect(text).toMatch(/^PASS {3}R12 /m);
    // Without VIGIE_REQUIRE_WORKSTATION the console's reach is a person's check; so is encryption at rest.
    expect(text).toMatch(/^MANUAL R10 /m);
    expect(text).toMatch(/\d+ passed, 0 failed, 2 to check by a person\./);
  });

  it('names a failure and what to do, in French by default, and exits 1, once a recording camera loses its sign', async () => {
    const headers = { authorization: `Bearer ${env['VIGIE_TOKEN'] ?? ''}` };
    const cameras = (await server.app.http.inject({ url: '/api/cameras', headers })).json<
      { id: string; name: string; enabled: boolean }[]
    >();
    const camera = cameras.find((c) => c.enabled);
    if (camera === undefined) throw new Error('the demo has no enabled camera');
    const path = `/api/cameras/${camera.id}/registry`;
    const entry = (await server.app.http.inject({ url: path, headers })).json<{
      authorisation: { reference: string; issuedOn: string; expiresOn: string };
      facing: string;
      dpia?: unknown;
    }>();
    const put = await server.app.http.inject({
      method: 'PUT',
      url: path,
      headers,
      payload: {
        authorisation: {
          reference: entry.authorisation.reference,
          issuedOn: entry.authorisation.issuedOn,
          expiresOn: entry.authorisation.expiresOn,
        },
        signage: { status: 'missing' },
        facing: entry.facing,
        // Kept: dropping the camera's impact assessment would fail R27 as well.
        ...definedOnly({ dpia: entry.dpia }),
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    const run = io(env);
    expect(await runCli(['compliance'], run)).toBe(1);
    const text = run.stdout.join('\n');
    expect(text).toMatch(/^FAIL {3}R14 /m);
    expect(text).toContain(`- ${camera.name} : aucun panneau n’informe le public de cette caméra.`);
    expect(text).toContain('→ Installez le panneau et enregistrez-le');
    expect(text).toMatch(/\d+ conforme\(s\), 1 non conforme\(s\), 2 à vérifier par une personne\./);
    expect(run.stderr.join('\n')).toContain('1 exigence(s) non satisfaite(s)');
    const english = io(env);
    expect(await runCli(['compliance', '--lang', 'en'], english)).toBe(1);
    expect(english.stdout.join('\n')).toContain(`- ${camera.name}: No sign informs the public of this camera.`);
  });
});
