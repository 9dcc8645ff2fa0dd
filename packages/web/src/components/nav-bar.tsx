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
              // The count is the link's description, not part of its name ("Alertes" stays "Alertes").
              const counted = screen.id === 'alerts' && open.count > 0;
              return (
                <li key={screen.id}>
                  <Link
                    href={screen.path}
                    aria-current={current ? 'page' : undefined}
                    aria-describedby={counted ? 'nav-alert-count' : undefined}
                  >
                    {t(`nav.${screen.id}` as MessageKey)}
                    {counted && (
                      // Drawn by CSS from data-count, so the link's text stays its screen's name.
                      <span
                        className={`nav-count severity-${open.severity ?? 'info'}`}
                        data-count={open.count}
                        aria-hidden="true"
                      />
                    )}
                  </Link>
                  {counted && (
                    <span id="nav-alert-count" className="sr-only" role="status">
                      {t('nav.alertCount', { count: open.count })}
                    </span>
                  )}
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
