import { describe, expect, it } from 'vitest';
import { audienceMayReceive, limitedToAssignedCameras } from './push-audience.js';

describe('who receives a pushed event', () => {
  const operatorOfC = { roles: ['operator'] as const, cameras: new Set(['C']) };
  it('an operator receives the events of the cameras assigned to them, and none of another camera', () => {
    expect(audienceMayReceive(operatorOfC, { permission: 'alert:read', cameraId: 'C' })).toBe(true);
    expect(audienceMayReceive(operatorOfC, { permission: 'alert:read', cameraId: 'A' })).toBe(false);
    expect(audienceMayReceive(operatorOfC, { permission: 'camera:read', cameraId: 'D' })).toBe(false);
  });
  it('the DPO and the administrator, who cannot list alerts, receive no alert event; camera events they may read', () => {
    for (const role of ['dpo', 'admin'] as const) {
      const audience = { roles: [role], cameras: 'all' as const };
      expect(audienceMayReceive(audience, { permission: 'alert:read', cameraId: 'A' })).toBe(false);
      expect(audienceMayReceive(audience, { permission: 'camera:read', cameraId: 'A' })).toBe(true);
    }
  });
  it('only operators without a wider role are limited to their assignments', () => {
    expect(limitedToAssignedCameras(['operator'])).toBe(true);
    expect(limitedToAssignedCameras(['operator', 'supervisor'])).toBe(false);
    expect(limitedToAssignedCameras(['dpo'])).toBe(false);
    expect(limitedToAssignedCameras(['public'])).toBe(true);
  });
});
