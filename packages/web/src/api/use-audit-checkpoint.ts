import { useEffect, useState } from 'react';
import { api } from './client';
import type { Reply } from './schema-types';

/** The audit trail's newest signed checkpoint and the key that signs it, as published. */
export type AuditPublication = Reply<'/api/transparency/audit', 'get', 200>;

/** Loads the published audit checkpoint; undefined while loading or when offline. */
export function useAuditCheckpoint(): AuditPublication | undefined {
  const [published, setPublished] = useState<AuditPublication | undefined>(undefined);
  useEffect(() => {
    void api
      .GET('/api/transparency/audit')
      .then(({ data }) => setPublished(data))
      .catch(() => setPublished(undefined));
  }, []);
  return published;
}
