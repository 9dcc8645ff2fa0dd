import { useState } from 'react';
import type { Outcome } from '../api/dpo-api';
import { incidentsApi, type IncidentType } from '../api/incidents-api';
import { useI18n } from '../i18n/i18n';

type Step = IncidentType['steps'][number];

/** A fresh step id, unique within the checklist (ticked steps keep theirs). */
function nextStepId(taken: readonly string[]): string {
  let n = taken.length + 1;
  while (taken.includes(`step-${n}`)) n += 1;
  return `step-${n}`;
}

/** A supervisor rewrites an incident type's checklist: its name, each step's label and whether it is required. */
export function ProcedureEditor(props: { type: IncidentType; onSaved: (result: Outcome<IncidentType>) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(props.type.name);
  const [steps, setSteps] = useState<Step[]>(props.type.steps);
  const change = (index: number, patch: Partial<Step>) =>
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...patch } : step)));

  return (
    <form
      className="procedure-editor"
      aria-label={t('incidents.procedures')}
      onSubmit={(e) => {
        e.preventDefault();
        void incidentsApi.saveType(props.type.id, { name, steps }).then(props.onSaved);
      }}
    >
      <label>
        {t('incidents.procedureName')}
        <input value={name} required minLength={3} onChange={(e) => setName(e.target.value)} />
      </label>
      {steps.map((step, index) => (
        <fieldset key={step.id}>
          <label>
            {t('incidents.stepLabel', { n: index + 1 })}
            <input
              value={step.label}
              required
              minLength={3}
              onChange={(e) => change(index, { label: e.target.value })}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={step.required}
              onChange={(e) => change(index, { required: e.target.checked })}
            />
            {t('incidents.stepRequired')}
          </label>
          <button
            type="button"
            disabled={steps.length === 1}
            onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
          >
            {t('incidents.removeStep')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          setSteps((all) => [...all, { id: nextStepId(all.map((s) => s.id)), label: '', required: false }])
        }
      >
        {t('incidents.addStep')}
      </button>
      <button type="submit">{t('incidents.saveProcedure')}</button>
    </form>
  );
}
