import type { EvidenceReport } from '@vigie/core/evidence';
import { useEffect, useState } from 'react';
import { useEvidenceKey } from '../api/use-evidence-key';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import { verifyInBrowser } from '../logic/evidence-browser';
import './public-pages.css';
import { LanguagePicker } from '../components/language-picker';

const marks = { pass: '✓', warn: '!', fail: '✗' } as const;

function Report({ report }: { report: EvidenceReport }) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const time = new Intl.DateTimeFormat(dateLocale(language), { dateStyle: 'short', timeStyle: 'medium', timeZone });
  const at = (iso: string) => time.format(new Date(iso));
  const m = report.manifest;
  return (
    <section className={`evidence-report ${report.verdict}`} role="status" aria-live="polite">
      <h2 className="verdict">{t(`verifier.${report.verdict}`)}</h2>
      <ul className="checks">
        {report.checks.map((check, i) => (
          <li key={i} className={check.status} data-problem={check.problem}>
            <span aria-hidden="true">{marks[check.status]}</span> {language === 'fr' ? check.fr : check.en}
          </li>
        ))}
      </ul>
      {m !== undefined && (
        <p className="summary">
          {t('verifier.summary', {
            camera: m.camera.name,
            from: at(m.covered.from),
            to: at(m.covered.to),
            askedFrom: at(m.requested.from),
            askedTo: at(m.requested.to),
            by: m.exportedBy,
            at: at(m.exportedAt),
            reason: m.reason,
          })}
          {m.requisition !== undefined && ` · ${t('verifier.requisition', { reference: m.requisition })}`}
        </p>
      )}
    </section>
  );
}

/** The public evidence verifier: checks a dropped package in the browser, offline once loaded. */
export function VerifierPage() {
  const { t } = useI18n();
  const published = useEvidenceKey();
  const [fingerprint, setFingerprint] = useState('');
  const [file, setFile] = useState<File | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ report?: EvidenceReport; error?: string; busy?: boolean }>({});
  useEffect(() => {
    if (published !== undefined) setFingerprint((current) => (current === '' ? published : current));
  }, [published]);
  useEffect(() => {
    if (file === undefined) return;
    const trusted = /^[0-9a-f]{16}$/.test(fingerprint.trim()) ? [fingerprint.trim()] : [];
    let current = true;
    setOutcome({ busy: true });
    verifyInBrowser(file, trusted).then(
      (report) => current && setOutcome({ report }),
      (error: unknown) => current && setOutcome({ error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [file, fingerprint]);
  return (
    <div className="app public verifier">
      <header>
        <h1>{t('verifier.title')}</h1>
        <LanguagePicker />
      </header>
      <main
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          const dropped = e.dataTransfer.files[0];
          if (dropped !== undefined) setFile(dropped);
        }}
      >
        <p>{t('verifier.intro')}</p>
        <label>
          {t('verifier.fingerprint')}{' '}
          <input
            value={fingerprint}
            pattern="[0-9a-f]{16}"
            spellCheck={false}
            onChange={(e) => setFingerprint(e.target.value)}
          />
          <small>{t('verifier.fingerprintHint')}</small>
        </label>
        <label className="drop-zone">
          {t('verifier.file')}{' '}
          <input type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0])} />
          <small>{t('verifier.drop')}</small>
        </label>
        {outcome.busy === true && <p>{t('verifier.busy')}</p>}
        {outcome.error !== undefined && (
          <p className="error" role="alert">
            {t('verifier.unreadable', { message: outcome.error })}
          </p>
        )}
        {outcome.report !== undefined && <Report report={outcome.report} />}
      </main>
    </div>
  );
}

/** The published fingerprint, shown on the transparency page with a link to the verifier. */
export function EvidenceKeyNotice() {
  const { t } = useI18n();
  const keyId = useEvidenceKey();
  if (keyId === undefined) return null;
  return (
    <section className="evidence-key">
      <h2>{t('evidence.keyTitle')}</h2>
      <p>
        {t('evidence.keyText', { keyId })} <a href="/verifier">{t('evidence.keyLink')}</a>.{' '}
        <code className="key-id">{keyId}</code>
      </p>
    </section>
  );
}
