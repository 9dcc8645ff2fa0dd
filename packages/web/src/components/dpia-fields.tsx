import type { CoveredAnalytic, Dpia } from '../api/dpo-api';
import { useI18n } from '../i18n/i18n';
import { DateField } from './date-field';
import type { MessageKey } from '../i18n/messages';
import { analyticsWithoutDpia } from '@vigie/core/dpia-rules';
import { dpiaChoices } from '../logic/registry-draft';

/**
 * The impact assessment of a camera's analytics (LEGAL R27): reference, the DPO's opinion, the less intrusive
 * means studied, the analytics covered (only the camera's enabled ones are offered) and the review date.
 */
export function DpiaFields(props: {
  value: Dpia;
  enabled: readonly CoveredAnalytic[];
  onChange: (next: Dpia) => void;
}) {
  const { t } = useI18n();
  const { value, onChange } = props;
  const set = <K extends keyof Dpia>(key: K, v: Dpia[K]) => onChange({ ...value, [key]: v });
  const choices = dpiaChoices(props.enabled, value.coveredAnalytics);
  return (
    <div className="dpia-fields">
      <label>
        {t('registry.dpia.reference')}
        <input value={value.reference} required maxLength={100} onChange={(e) => set('reference', e.target.value)} />
      </label>
      <div>
        <DateField
          label={t('registry.dpia.reviewOn')}
          value={value.reviewOn}
          required
          onChange={(v) => set('reviewOn', v)}
        />
        <small>{t('registry.dpia.reviewHint')}</small>
      </div>
      <label className="wide">
        {t('registry.dpia.opinion')}
        <textarea
          value={value.dpoOpinion}
          rows={3}
          required
          minLength={10}
          maxLength={2000}
          onChange={(e) => set('dpoOpinion', e.target.value)}
        />
      </label>
      <label className="wide">
        {t('registry.dpia.alternatives')}
        <textarea
          value={value.lessIntrusiveAlternatives}
          rows={3}
          required
          minLength={30}
          maxLength={4000}
          onChange={(e) => set('lessIntrusiveAlternatives', e.target.value)}
        />
        <small>{t('registry.dpia.alternativesHint')}</small>
      </label>
      <fieldset className="wide covered">
        <legend>{t('registry.dpia.covered')}</legend>
        {choices.length === 0 && <p className="hint">{t('registry.dpia.noAnalytics')}</p>}
        {choices.map(({ analytic, enabled }) => (
          <label key={analytic} className="checkbox">
            <input
              type="checkbox"
              checked={value.coveredAnalytics.includes(analytic)}
              onChange={(e) =>
                set(
                  'coveredAnalytics',
                  e.target.checked
                    ? [...value.coveredAnalytics, analytic]
                    : value.coveredAnalytics.filter((a) => a !== analytic),
                )
              }
            />
            {t(`alertType.${analytic}` as MessageKey)}
            {!enabled && <small> {t('registry.dpia.disabled')}</small>}
            {enabled && analyticsWithoutDpia.includes(analytic) && <small> {t('registry.dpia.notNeeded')}</small>}
          </label>
        ))}
      </fieldset>
    </div>
  );
}
