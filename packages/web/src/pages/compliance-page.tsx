import { useCallback, useEffect, useState } from 'react';
import { dpoApi, type ApiFailure, type ComplianceChecklist } from '../api/dpo-api';
import { ApiProblem } from '../components/api-problem';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import './dpo-pages.css';

/**
 * The compliance of this installation for registry readers (DPO, administrator, supervisor): each
 * requirement of the active legal profile, met, not met with its findings and what to do, or for a
 * person to check — the checklist `vigie compliance` prints, from the same route.
 */
export function CompliancePage() {
  const { t, language } = useI18n();
  const [list, setList] = useState<ComplianceChecklist | undefined>(undefined);
  const [failure, setFailure] = useState<ApiFailure | undefined>(undefined);

  const load = useCallback(() => {
    void dpoApi.checklist(language).then((result) => {
      setFailure(result.ok ? undefined : result);
      if (result.ok) setList(result.data);
    });
  }, [language]);
  useEffect(load, [load]);

  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="compliance-page">
      <h2>{t('compliance.heading')}</h2>
      <p className="hint">{t('compliance.intro')}</p>
      <ApiProblem failure={failure} />
      {list === undefined ? (
        failure === undefined && <p>{t('common.loading')}</p>
      ) : (
        <>
          <p>
            {t('compliance.profile', { profile: list.profile, at: time.format(new Date(list.generatedAt)) })}{' '}
            <button type="button" onClick={load}>
              {t('compliance.refresh')}
            </button>
          </p>
          <p className={`compliance-summary${list.summary.fail > 0 ? ' has-failures' : ''}`} role="status">
            {t('compliance.summary', list.summary)}
          </p>
          <table className="compliance" aria-label={t('compliance.heading')}>
            <thead>
              <tr>
                <th scope="col">{t('compliance.column.requirement')}</th>
                <th scope="col">{t('compliance.column.status')}</th>
                <th scope="col">{t('compliance.column.title')}</th>
                <th scope="col">{t('compliance.column.action')}</th>
              </tr>
            </thead>
            <tbody>
              {list.checks.map((check) => (
                <tr key={check.requirement} data-requirement={check.requirement}>
                  <th scope="row">{check.requirement}</th>
                  <td>
                    <span className={`badge compliance-${check.status}`}>{t(`compliance.status.${check.status}`)}</span>
                  </td>
                  <td>{check.title}</td>
                  <td>
                    {check.findings.length > 0 && (
                      <ul className="findings">
                        {check.findings.map((finding) => (
                          <li key={finding}>{finding}</li>
                        ))}
                      </ul>
                    )}
                    <p className="action">{check.action}</p>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
