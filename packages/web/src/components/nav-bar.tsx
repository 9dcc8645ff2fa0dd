import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useAlerts } from '../api/use-alerts';
import { openAlertCount } from '../logic/alert-order';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import type { Screen } from '../screens';

/** The console's navigation: only the screens the caller's roles open, grouped, the current one marked; the alerts nobody acknowledged counted beside "Alerts". */
export function NavBar({ screens, children }: { screens: readonly Screen[]; children?: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const open = openAlertCount(useAlerts().alerts);
  const groups = (['supervision', 'administration'] as const)
    .map((group) => ({ group, items: screens.filter((s) => s.group === group) }))
    .filter(({ items }) => items.length > 0);
  return (
    <nav className="nav" aria-label={t('nav.label')}>
      {groups.map(({ group, items }) => (
        <section key={group} aria-labelledby={`nav-${group}`}>
          <h2 id={`nav-${group}`}>{t(`nav.group.${group}` as MessageKey)}</h2>
          <ul>
            {items.map((screen) => {
              const current = location === screen.path || location.startsWith(`${screen.path}/`);
              return (
                <li key={screen.id}>
                  <Link href={screen.path} aria-current={current ? 'page' : undefined}>
                    {t(`nav.${screen.id}` as MessageKey)}
                    {screen.id === 'alerts' && open.count > 0 && (
                      <span
                        className={`nav-count severity-${open.severity ?? 'info'}`}
                        role="status"
                        aria-label={t('nav.alertCount', { count: open.count })}
                        title={t('nav.alertCount', { count: open.count })}
                      >
                        {open.count}
                      </span>
                    )}
                  </Link>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      {children}
    </nav>
  );
}
