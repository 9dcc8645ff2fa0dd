import { useEffect, useState } from 'react';
import { api } from './client';

/** The installation's published evidence key fingerprint; undefined while loading or when offline. */
export function useEvidenceKey(): string | undefined {
  const [keyId, setKeyId] = useState<string | undefined>(undefined);
  useEffect(() => {
    void api
      .GET('/api/evidence/key')
      .then(({ data }) => setKeyId(data?.keyId))
      .catch(() => setKeyId(undefined));
  }, []);
  return keyId;
}
