import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

const roles: readonly { role: MessageKey; usesSub: boolean }[] = [
  { role: 'streams.recording', usesSub: false },
  { role: 'streams.analysis', usesSub: true },
  { role: 'streams.grid', usesSub: true },
  { role: 'streams.full', usesSub: false },
];

/** Which of a camera's streams each use takes: main recorded and enlarged, sub (when there is one) analysed and tiled. */
export function StreamRoles({ hasSubStream }: { hasSubStream: boolean }) {
  const { t } = useI18n();
  return (
    <section className="stream-roles" aria-labelledby="stream-roles-heading">
      <h3 id="stream-roles-heading">{t('streams.heading')}</h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('streams.role')}</th>
            <th scope="col">{t('streams.stream')}</th>
          </tr>
        </thead>
        <tbody>
          {roles.map(({ role, usesSub }) => (
            <tr key={role}>
              <th scope="row">{t(role)}</th>
              <td>{t(usesSub && hasSubStream ? 'streams.sub' : 'streams.main')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!hasSubStream && <p className="hint">{t('streams.noSub')}</p>}
    </section>
  );
}
