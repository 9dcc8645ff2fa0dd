import { VigieError, type Clock, type WallLayout, type WallLayoutInput } from '@vigie/core';
import type { UnitOfWork } from '@vigie/db';
import type { PersonRequester } from '../auth/requester.js';
import type { CameraService } from './camera.service.js';

/**
 * Each operator's saved walls: a grid and what each tile shows (a camera, a tour, or nothing), kept
 * per person on the server so a wall follows its operator from one workstation to the next.
 */
export class WallLayoutService {
  constructor(private readonly deps: { work: UnitOfWork; clock: Clock; cameras: CameraService }) {}

  /** The walls the operator saved, by name. */
  list(owner: PersonRequester): Promise<WallLayout[]> {
    return this.deps.work(({ wallLayouts }) => wallLayouts.list(owner.userId));
  }

  /** Saves a wall under a name (replacing one of that name); its cameras must be ones the operator sees. Audited. */
  async save(name: string, layout: WallLayoutInput, owner: PersonRequester): Promise<WallLayout> {
    const visible = new Set((await this.deps.cameras.list(owner)).map((c) => c.id));
    const unknown = layout.tiles.flatMap((tile) => tile.cameraIds).filter((id) => !visible.has(id));
    if (unknown.length > 0)
      throw new VigieError('CAMERA_NOT_FOUND', `No camera you may see has id ${unknown.join(', ')}.`);
    const at = this.deps.clock.now();
    const { userId, roles: _roles, ...actor } = owner;
    await this.deps.work(async ({ wallLayouts, audit }) => {
      await wallLayouts.save(userId, name, { ...layout, at });
      await audit.append({
        action: 'wall_layout.saved',
        ...actor,
        details: { name, grid: layout.grid, tiles: layout.tiles.length },
      });
    });
    return { name, ...layout, updatedAt: at.toISOString() };
  }

  /** Deletes one of the operator's saved walls. Audited. */
  async delete(name: string, owner: PersonRequester): Promise<void> {
    const { userId, roles: _roles, ...actor } = owner;
    await this.deps.work(async ({ wallLayouts, audit }) => {
      if (!(await wallLayouts.delete(userId, name)))
        throw new VigieError('WALL_LAYOUT_NOT_FOUND', `You have no saved wall named “${name}”.`);
      await audit.append({
        action: 'wall_layout.deleted',
        ...actor,
        details: { name },
      });
    });
  }
}
