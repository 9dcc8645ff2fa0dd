import { useEffect, useState } from 'react';
import { complianceLinks, dpoApi, type ApiFailure, type RegistryEntry } from '../api/dpo-api';
import { useCameras } from '../api/use-cameras';
import { ApiProblem } from '../components/api-problem';
import { RegistryEditor } from '../components/registry-editor';
import { RegistryTable } from '../components/registry-table';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import './dpo-pages.css';

/**
 * The legal registry (registry readers): every camera's authorisation, sign, facing and impact assessment,
 * the compliance exports, and the entry of the chosen camera, which only the DPO may edit.
 */
export function RegistryPage({ cameraId, canWrite }: { cameraId?: string; canWrite: boolean }) {
  const { t } = useI18n();
  const { cameras, error } = useCameras();
  const [entries, setEntries] = useState<ReadonlyMap<string, RegistryEntry | null>>(new Map());
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);
  const ids = (cameras ?? []).map((c) => c.id).join(',');

  useEffect(() => {
    if (ids === '') return;
    let live = true;
    void Promise.all(
      ids.split(',').map(async (id) => {
        const result = await dpoApi.registry(id);
        if (result.ok) return [id, result.data] as const;
        if (result.code === 'REGISTRY_ENTRY_NOT_FOUND') return [id, null] as const;
        if (live) setFailure(result);
        return undefined;
      }),
    ).then((loaded) => {
      if (live) setEntries(new Map(loaded.filter((e) => e !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [ids]);

  const camera = cameras?.find((c) => c.id === cameraId);
  const entry = cameraId === undefined ? undefined : entries.get(cameraId);

  return (
    <div className="registry-page">
      <h2>{t('registry.heading')}</h2>
      <p className="hint">{canWrite ? t('registry.intro.dpo') : t('registry.intro.reader')}</p>
      <section className="compliance-links" aria-labelledby="compliance-heading">
        <h3 id="compliance-heading">{t('registry.compliance')}</h3>
        <ul>
          {complianceLinks.map((link) => (
            <li key={link.report}>
              {t(`registry.compliance.${link.report}` as MessageKey)} —{' '}
              <a href={link.html} target="_blank" rel="noopener">
                {t('registry.compliance.printable')}
              </a>{' '}
              ·{' '}
              <a href={link.json} target="_blank" rel="noopener">
                JSON
              </a>
            </li>
          ))}
        </ul>
      </section>
      {error !== undefined && <p className="error">{t('cameras.error', { message: error })}</p>}
      <ApiProblem failure={failure} />
      {cameras === undefined ? (
        <p>{t('cameras.loading')}</p>
      ) : (
        <RegistryTable cameras={cameras} entryOf={(id) => entries.get(id)} selected={cameraId} />
      )}
      {cameraId !== undefined && cameras !== undefined && camera === undefined && (
        <p className="notice">{t('registry.unknownCamera')}</p>
      )}
      {camera !== undefined && entry !== undefined && (
        <RegistryEditor
          key={camera.id}
          camera={camera}
          entry={entry ?? undefined}
          canWrite={canWrite}
          onSaved={(saved) => setEntries((map) => new Map(map).set(saved.cameraId, saved))}
        />
      )}
    </div>
  );
}
