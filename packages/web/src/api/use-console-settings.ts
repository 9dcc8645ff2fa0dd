import { useEffect, useState } from 'react';
import { api } from './client';

/** The map tile URL of this installation (VIGIE_MAP_TILE_URL); null: plain offline background; undefined while loading. */
export function useMapTileUrl(): string | null | undefined {
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void api.GET('/api/console/settings').then(({ data }) => setUrl(data?.mapTileUrl ?? null));
  }, []);
  return url;
}
