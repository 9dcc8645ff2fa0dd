import { analyticsEventTypes, type AnalyticsEventType } from '@vigie/core/analytic-event-types';
import { analyticJustified } from '@vigie/core/analytic-purposes';
import type { Purpose } from '@vigie/core/legal-profile';
import { analyticsWithoutDpia } from '@vigie/core/dpia-rules';
import { useLegalProfile } from '../api/use-console-settings';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

/** Props of the analytics switches. */
export interface AnalyticsSwitchesProps {
  /** The analytics switched on. */
  value: readonly AnalyticsEventType[];
  /** The camera's declared purposes (as being edited): they decide which analytics the law allows. */
  purposes: readonly Purpose[];
  onChange: (next: AnalyticsEventType[]) => void;
}

/**
 * One switch per analytic of a camera, with the legal rules shown before saving: an analytic no declared
 * purpose justifies cannot be switched on (the purposes it needs are named), and one that raises alerts
 * about people is marked as running only once a current impact assessment in the legal registry covers it.
 */
export function AnalyticsSwitches({ value, purposes, onChange }: AnalyticsSwitchesProps) {
  const { t } = useI18n();
  const profile = useLegalProfile();
  if (profile === undefined) return null;
  return (
    <fieldset className="wide analytics-switches">
      <legend>{t('analytics.switches')}</legend>
      <p className="hint">{t('analytics.switchesHint')}</p>
      {analyticsEventTypes.map((type) => {
        const on = value.includes(type);
        const justified = analyticJustified(type, purposes, profile);
        const { justifiedBy } = profile.analytics[type];
        const needs = justifiedBy === 'any' ? [] : justifiedBy.map((p) => t(`purpose.${p}` as MessageKey));
        return (
          <div key={type} className="analytic-switch" data-analytic={type}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={on}
                disabled={!on && !justified}
                onChange={(e) => onChange(e.target.checked ? [...value, type] : value.filter((a) => a !== type))}
              />
              {t(`alertType.${type}` as MessageKey)}
            </label>
            {!justified && (
              <small className={on ? 'error' : 'hint'}>
                {needs.length === 0
                  ? t('analytics.neverJustified')
                  : t('analytics.needsPurpose', { purposes: needs.join(', ') })}
              </small>
            )}
            {on && justified && !analyticsWithoutDpia.includes(type) && (
              <small className="warning">{t('analytics.needsDpia')}</small>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
