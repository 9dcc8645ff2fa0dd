import type { WallGrid, WallLayout, WallLayoutInput, WallTile } from '@vigie/core';
import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** Each operator's saved walls, by name. */
export class WallLayoutRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** The walls a user saved, by name. */
  async list(userId: string): Promise<WallLayout[]> {
    const rows = await this.db
      .selectFrom('wall_layouts')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('name')
      .execute();
    return rows.map((row) => ({
      name: row.name,
      grid: row.grid as WallGrid,
      tiles: (typeof row.tiles === 'string' ? JSON.parse(row.tiles) : row.tiles) as WallTile[],
      updatedAt: row.updated_at.toISOString(),
    }));
  }

  /** Saves a user's wall under a name, replacing one saved under the same name. */
  async save(userId: string, name: string, layout: WallLayoutInput & { at: Date }): Promise<void> {
    const values = { grid: layout.grid, tiles: JSON.stringify(layout.tiles), updated_at: layout.at };
    await this.db
      .insertInto('wall_layouts')
      .values({ user_id: userId, name, ...values })
      .onConflict((oc) => oc.columns(['user_id', 'name']).doUpdateSet(values))
      .execute();
  }

  /** Deletes a user's saved wall; whether there was one. */
  async delete(userId: string, name: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('wall_layouts')
      .where('user_id', '=', userId)
      .where('name', '=', name)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
