/** How to name things in a summary: a camera by id, a camera field by key, a term by message key (translated by the caller). */
export interface Namer {
  camera: (id: string) => string;
  field: (key: string) => string;
  /** A message key such as `qualification.true_alert`. */
  term: (key: string) => string;
}

function text(value: unknown): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '∅';
    return value
      .map((item) => {
        if (typeof item !== 'object' || item === null) return String(item);
        const { name, label, id } = item as { name?: unknown; label?: unknown; id?: unknown };
        const known = name ?? label ?? id;
        return known === undefined ? `(${text(item)})` : text(known);
      })
      .join(', ');
  }
  if (typeof value === 'object' && value !== null) {
    const { lat, lon } = value as { lat?: unknown; lon?: unknown };
    if (typeof lat === 'number' && typeof lon === 'number') return `${lat}, ${lon}`;
    return Object.entries(value)
      .map(([key, item]) => `${key}: ${text(item)}`)
      .join(', ');
  }
  return String(value);
}

/** A plain object other than a map position. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { lat, lon } = value as { lat?: unknown; lon?: unknown };
  return !(typeof lat === 'number' && typeof lon === 'number');
}

/** One "field: value" line per leaf of the details, a nested object's fields named after it ("window › start"). */
function fieldLines(details: Record<string, unknown>, names: Namer, prefix = ''): string[] {
  return Object.entries(details).flatMap(([key, value]) => {
    const name = `${prefix}${names.field(key)}`;
    return isRecord(value) ? fieldLines(value, names, `${name} › `) : [`${name}: ${text(value)}`];
  });
}

/**
 * One line per fact of an audit entry's details, for a person: what changed from what to what, with camera
 * names instead of ids. Details of other shapes are shown one field a line.
 */
export function auditSummary(entry: { action: string; details?: Record<string, unknown> }, names: Namer): string[] {
  const details = entry.details;
  if (details === undefined) return [];
  if (entry.action === 'camera.updated' && typeof details['changes'] === 'object' && details['changes'] !== null) {
    return Object.entries(details['changes'] as Record<string, { from?: unknown; to?: unknown }>).map(
      ([key, change]) => `${names.field(key)}: ${text(change.from)} → ${text(change.to)}`,
    );
  }
  if (entry.action === 'user.cameras_assigned') {
    const list = (ids: unknown) => (Array.isArray(ids) ? text(ids.map((id) => names.camera(String(id)))) : '∅');
    return [`${String(details['username'])}: ${list(details['from'])} → ${list(details['to'])}`];
  }
  if (entry.action === 'camera.created' && typeof details['camera'] === 'object' && details['camera'] !== null) {
    const camera = details['camera'] as Record<string, unknown>;
    return ['name', 'sourceUrl', 'location', 'retentionDays', 'purposes', 'masks']
      .filter((key) => key in camera)
      .map((key) => `${names.field(key)}: ${text(camera[key])}`);
  }
  if (entry.action === 'user.created') return [`${String(details['username'])} (${text(details['roles'])})`];
  if (entry.action === 'alert.opened') {
    return [
      `${names.term(`alertType.${text(details['type'])}`)} (${names.term(`severity.${text(details['severity'])}`)})`,
    ];
  }
  if (entry.action === 'alert.acted') {
    const verdict =
      details['qualification'] === undefined
        ? ''
        : `: ${names.term(`qualification.${text(details['qualification'])}`)}`;
    const note = typeof details['note'] === 'string' ? [`« ${details['note']} »`] : [];
    return [
      `${names.term(`alertAction.${text(details['action'])}`)}${verdict} → ${names.term(`alertStatus.${text(details['status'])}`)}`,
      ...note,
    ];
  }
  const session = details['session'];
  if (typeof session === 'string') {
    const parts = [`${names.term('audit.session')} ${session.slice(0, 8)}`];
    if (typeof details['seconds'] === 'number') parts.push(`${details['seconds']} s`);
    if (typeof details['why'] === 'string') parts.push(names.term(`audit.sessionEnd.${details['why']}`));
    return [parts.join(' · ')];
  }
  if (entry.action === 'export.created' || entry.action === 'export.downloaded') {
    const purpose = details['purpose'] === undefined ? [] : [names.term(`purpose.${text(details['purpose'])}`)];
    return [...purpose, `SHA-256 ${text(details['sha256'])}`];
  }
  if (entry.action === 'analytics.paused' || entry.action === 'analytics.resumed') {
    return details['scope'] === 'all cameras' ? [names.term('analytics.allCameras')] : [];
  }
  if (typeof details['coalesced'] === 'number') {
    // A summary of refusals coalesced per source and minute (denied requests, unknown users' logins).
    const counts = (details['routes'] ?? details['usernames'] ?? {}) as Record<string, unknown>;
    return [
      `${names.term('audit.coalesced')} ×${details['coalesced']} (${text(details['from'])} → ${text(details['to'])})`,
      ...Object.entries(counts).map(([value, count]) => `${value} ×${text(count)}`),
    ];
  }
  return fieldLines(details, names);
}
