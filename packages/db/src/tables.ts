import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** JSON column: written as a string, read back parsed. */
type Json<T> = ColumnType<T, string, string>;

/** The cameras table. */
export interface CameraTable {
  id: Generated<string>;
  name: string;
  source_url: string;
  lat: number;
  lon: number;
  heading: number;
  field_of_view: number;
  zones: Json<unknown[]>;
  masks: Json<unknown[]>;
  retention_days: number;
  purposes: Json<string[]>;
  enabled: boolean;
  version: Generated<number>;
  created_at: ColumnType<Date, Date | string, Date | string>;
  updated_at: ColumnType<Date, Date | string, Date | string>;
}

/** The users table (accounts of the supervision centre). */
export interface UserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  roles: Json<string[]>;
  password_hash: string;
  created_at: ColumnType<Date, Date | string, Date | string>;
}

/** Every table Vigie stores, for Kysely's typing. */
export interface Tables {
  cameras: CameraTable;
  users: UserTable;
}

/** A camera row as read. */
export type CameraRow = Selectable<CameraTable>;
/** A camera row as written. */
export type NewCameraRow = Insertable<CameraTable>;
