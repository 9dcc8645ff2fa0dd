import { api } from './client';
import { outcome } from './video-api';

/** A privacy mask drawn over the picture seen from one preset, in normalised coordinates. */
export interface PresetMask {
  id: string;
  label?: string;
  polygon: { x: number; y: number }[];
}

/** The PTZ routes of a camera the console calls: the control lock, moves, presets and their masks. */
export const ptzApi = {
  control: (id: string) => outcome(api.GET('/api/cameras/{id}/ptz/control', { params: { path: { id } } })),
  take: (id: string) => outcome(api.POST('/api/cameras/{id}/ptz/control', { params: { path: { id } } })),
  release: (id: string) => outcome(api.DELETE('/api/cameras/{id}/ptz/control', { params: { path: { id } } })),
  move: (id: string, body: { pan?: number; tilt?: number; zoom?: number }) =>
    outcome(api.POST('/api/cameras/{id}/ptz/move', { params: { path: { id } }, body })),
  stop: (id: string) => outcome(api.POST('/api/cameras/{id}/ptz/stop', { params: { path: { id } } })),
  presets: (id: string) => outcome(api.GET('/api/cameras/{id}/ptz/presets', { params: { path: { id } } })),
  gotoPreset: (id: string, token: string) =>
    outcome(api.POST('/api/cameras/{id}/ptz/presets/{token}/go', { params: { path: { id, token } } })),
  savePreset: (id: string, name: string) =>
    outcome(api.POST('/api/cameras/{id}/ptz/presets', { params: { path: { id } }, body: { name } })),
  masks: (id: string) => outcome(api.GET('/api/cameras/{id}/ptz/masks', { params: { path: { id } } })),
  savePresetMasks: (id: string, token: string, masks: PresetMask[]) =>
    outcome(
      api.PUT('/api/cameras/{id}/ptz/presets/{token}/masks', { params: { path: { id, token } }, body: { masks } }),
    ),
};
