import { loadConfig, type RunningServer } from '@vigie/server';
import { startSeededServer, testPasswordCost } from '../../../server/test/support.js';

/** Test cameras (clock cameras, fake RTSP and ONVIF devices) answer on loopback, which a server refuses unless allowed. */
export const loopbackCameras = { VIGIE_CAMERA_NETWORKS: '127.0.0.0/8' } as const;

/**
 * Starts a server in-process on a free port over `dataDir` (a fresh one gets the migrated database image), silent,
 * without the demo cameras and with cheap password hashing; `env` adds or overrides settings (e.g. `loopbackCameras`).
 */
export function startTestServer(dataDir: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startSeededServer(
    loadConfig({ VIGIE_PORT: '0', VIGIE_DATA_DIR: dataDir, VIGIE_LOG_LEVEL: 'silent', VIGIE_DEMO: 'false', ...env }),
    { passwordCost: testPasswordCost },
  );
}
