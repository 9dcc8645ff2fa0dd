import { describe, expect, it } from 'vitest';
import type { Camera } from '../api/client';
import { cameraInput, cameraPatch, draftOf } from './camera-patch';

const camera: Camera = {
  id: '6f1c2b7e-3a41-4c55-9a6e-0d8e2f7b1a90',
  name: 'Gare — Parvis',
  sourceUrl: 'rtsp://admin:***@192.0.2.10/stream',
  location: { lat: 50.36, lon: 3.52 },
  heading: 135,
  fieldOfView: 90,
  zones: [],
  masks: [],
  lines: [],
  retentionDays: 15,
  purposes: ['public_space_safety'],
  enabled: true,
  analytics: [],
  version: 3,
  createdAt: '2026-11-23T10:00:00Z',
  updatedAt: '2026-11-23T10:00:00Z',
  authorisation: { state: 'valid', expiresAt: '2030-11-22T23:00:00Z' },
};

describe('camera patch', () => {
  it('sends only what changed, never the id or version', () => {
    const draft = draftOf(camera);
    expect(draft).not.toHaveProperty('version');
    const mask = {
      id: 'mask-1',
      polygon: [
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 1, y: 1 },
      ],
    };
    expect(cameraPatch(draft, { ...draft, retentionDays: 7, masks: [mask] })).toEqual({
      retentionDays: 7,
      masks: [mask],
    });
    expect(cameraPatch(draft, { ...draft, site: ' Gare ' })).toEqual({ site: 'Gare' });
    expect(cameraPatch({ ...draft, site: 'Gare' }, draft)).toEqual({ site: null });
    expect(cameraInput(draft)).not.toHaveProperty('site');
    expect(cameraPatch(draft, { ...draft, location: { lat: 50.36, lon: 3.52 } })).toEqual({});
  });

  it('edits whether the camera applies the masks itself: false when the API leaves it out', () => {
    const draft = draftOf(camera);
    expect(draft.masksOnCamera).toBe(false);
    expect(cameraPatch(draft, { ...draft, masksOnCamera: true })).toEqual({ masksOnCamera: true });
    expect(draftOf({ ...camera, masksOnCamera: true }).masksOnCamera).toBe(true);
  });

  it('sends a drawn ground calibration, and null to remove it', () => {
    const draft = draftOf(camera);
    expect(draft.calibration).toBeNull();
    const square = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ];
    const calibration = { image: square, ground: square.map((p) => ({ x: p.x * 4, y: p.y * 4 })) };
    expect(cameraPatch(draft, { ...draft, calibration })).toEqual({ calibration });
    expect(cameraPatch({ ...draft, calibration }, draft)).toEqual({ calibration: null });
  });
});
