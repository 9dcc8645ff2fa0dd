import { randomUUID, randomBytes } from 'node:crypto';
import { JetStreamBus } from '@vigie/bus';
import { domainEvent, idempotencyKeys, systemClock } from '@vigie/core';
import { openFreshPostgresWithUrl } from '@vigie/db/testing';
import { buildApp, fullAudience } from '@vigie/server';
const { database } = await openFreshPostgresWithUrl();
const bus = await JetStreamBus.connect({ url: 'nats://127.0.0.1:4222', prefix: 'prof' + randomBytes(3).toString('hex') });
const app = await buildApp({ database, clock: systemClock, webRoot: '/nonexistent', mediaDir: '/tmp/scale/m', bus, workers: 'remote', sourcePolicy: { allowFiles: false, allowedNetworks: ['127.0.0.0/8'] } });
await app.background.start();
const cam = await app.cameras.create({ name: 'B', sourceUrl: 'rtsp://127.0.0.1:1/x', location: { lat: 50, lon: 3 }, purposes: ['public_space_safety'] }, { actorName: 'b' });
const stages = { raisedSeen: [], pushed: [], direct: [] };
const t0 = new Map();
await bus.follow((e) => { stages.raisedSeen.push(Date.now() - Date.parse(e.alert.openedAt)); }, { types: ['alert.raised'] });
app.events.subscribe(() => fullAudience, (e) => { if (e.type === 'alert.opened') stages.pushed.push(Date.now() - Date.parse(e.alert.openedAt)); });
const mk = () => { const openedAt = new Date(Date.now() + Math.floor(Math.random()*1000)).toISOString(); const alert = { cameraId: cam.id, type: 'abandoned_object', severity: 'high', message: 'b', openedAt: new Date().toISOString(), clip: { from: openedAt, to: openedAt }, snapshot: Buffer.alloc(40000, 1).toString('base64'), details: {} }; return domainEvent({ id: idempotencyKeys.alert(alert) + randomUUID(), type: 'alert.raised', alert }, new Date()); };
for (let i = 0; i < 40; i++) { await bus.publish(mk()); await new Promise((r) => setTimeout(r, 100)); }
await new Promise((r) => setTimeout(r, 2000));
// direct store timing
for (let i = 0; i < 20; i++) { const e = mk(); const t = performance.now(); await app.ingestor.store([e]); stages.direct.push(Math.round(performance.now() - t)); }
const q = (a) => { const s = [...a].sort((x, y) => x - y); return `n=${s.length} p50 ${s[Math.floor(s.length/2)]} p95 ${s[Math.floor(s.length*0.95)]}`; };
for (const [k, v] of Object.entries(stages)) console.log(k, q(v));
await app.background.stop(); await app.http.close(); await bus.destroy(); await database.close();
