import { useEffect, useState } from 'react';
import { api } from './client';
import type { Reply } from './schema-types';

/** The console settings of this installation: map tiles and the rules of its legal profile. */
export type ConsoleSettings = Reply<'/api/console/settings', 'get', 200>;

/** The rules of the active legal profile, as the server sends them (the console copies none). */
export type LegalProfileRules = ConsoleSettings['legalProfile'];

let asked: Promise<ConsoleSettings | undefined> | undefined;

/** The settings, asked once per page load. */
function consoleSettings(): Promise<ConsoleSettings | undefined> {
  asked ??= api
    .GET('/api/console/settings')
    .then(({ data }) => data)
    .catch(() => undefined);
  return asked;
}

/** The settings; undefined while loading (or when the server cannot be reached). */
function useConsoleSettings(): ConsoleSettings | undefined {
  const [settings, setSettings] = useState<ConsoleSettings | undefined>(undefined);
  useEffect(() => {
    void consoleSettings().then(setSettings);
  }, []);
  return settings;
}

/** The map tile URL of this installation (VIGIE_MAP_TILE_URL); null: plain offline background; undefined while loading. */
export function useMapTileUrl(): string | null | undefined {
  const settings = useConsoleSettings();
  return settings === undefined ? undefined : settings.mapTileUrl;
}

/** The rules of the installation's legal profile (purposes, analytics per purpose, retention, deadlines); undefined while loading. */
export function useLegalProfile(): LegalProfileRules | undefined {
  return useConsoleSettings()?.legalProfile;
}
