import { sql, type Kysely } from 'kysely';

/** The checklist every installation starts with; supervisors edit it (issue 15 #5). */
const generalSteps = [
  { id: 'verify', label: 'Lever le doute sur la vidéo en direct / Check the live video', required: true },
  { id: 'dispatch', label: 'Prévenir la patrouille ou la police / Call the patrol or the police', required: true },
  { id: 'evidence', label: 'Lier le clip ou l’export utile / Link the relevant clip or export', required: true },
  { id: 'summary', label: 'Rédiger la synthèse / Write the summary', required: false },
];

/** Incidents with procedures: incident types with their checklist, and incidents grouping alerts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incident_types')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('steps', 'jsonb', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`insert into incident_types (id, name, steps, updated_by)
    values ('general', 'Procédure générale / General procedure', ${JSON.stringify(generalSteps)}::jsonb, 'system')`.execute(
    db,
  );
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('camera_ids', 'jsonb', (c) => c.notNull())
    .addColumn('alert_ids', 'jsonb', (c) => c.notNull())
    .addColumn('opened_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_alert_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_steps', 'jsonb', (c) => c.notNull())
    .addColumn('links', 'jsonb', (c) => c.notNull())
    .addColumn('timeline', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_state').on('incidents').columns(['state', 'last_alert_at']).execute();
}

/** Drops what `up` created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incidents').execute();
  await db.schema.dropTable('incident_types').execute();
}
