import type { ApiFailure } from '../api/dpo-api';
import { useI18n } from '../i18n/i18n';

/** A refusal of the server in its own words: the message, then each field to correct and why. */
export function ApiProblem({ failure }: { failure: ApiFailure | undefined }) {
  const { t } = useI18n();
  if (failure === undefined) return null;
  return (
    <div className="api-problem" role="alert">
      <p>{t('registry.problem', { message: failure.message })}</p>
      {failure.details.length > 0 && (
        <ul>
          {failure.details.map((d) => (
            <li key={`${d.path} ${d.reason}`}>
              <code>{d.path === '' ? '/' : d.path}</code> {d.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
