import type { Permission } from '@vigie/core/permissions';
import type { ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import type { Me } from '../api/client';
import { PushProvider } from '../api/push-channel';
import { AlertsProvider } from '../api/use-alerts';
import { useSession } from '../api/use-session';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { AccessRequestsPage } from '../pages/access-requests-page';
import { AlertsPage } from '../pages/alerts-page';
import { AuditPage } from '../pages/audit-page';
import { CameraAdminPage } from '../pages/camera-admin-page';
import { CameraDiscoveryPage } from '../pages/camera-discovery-page';
import { CameraEditPage } from '../pages/camera-edit-page';
import { CameraLivePage } from '../pages/camera-live-page';
import { CompliancePage } from '../pages/compliance-page';
import { HoldsPage } from '../pages/holds-page';
import { IncidentsPage } from '../pages/incidents-page';
import { MapPage } from '../pages/map-page';
import { MonitorPage } from '../pages/monitor-page';
import { PlaybackPage } from '../pages/playback-page';
import { RegistryPage } from '../pages/registry-page';
import { ReviewPage } from '../pages/review-page';
import { StatisticsPage } from '../pages/statistics-page';
import { UnmaskPage } from '../pages/unmask-page';
import { UsersPage } from '../pages/users-page';
import { WallPage } from '../pages/wall-page';
import { allows, screensFor } from '../screens';
import { AlertSound } from './alert-sound';
import { LoginForm } from './login-form';
import { NavBar } from './nav-bar';
import { LanguagePicker } from './language-picker';

function Guard({ me, permission, children }: { me: Me; permission: Permission; children: ReactNode }) {
  const { t } = useI18n();
  return allows(me.roles, permission) ? children : <p className="notice">{t('app.forbidden')}</p>;
}

/** The logged-in console: navigation by role, then the screen of the current route. */
function Console({ me }: { me: Me }) {
  const { t } = useI18n();
  const allowed = screensFor(me.roles);
  const home = allowed[0]?.path;
  const guard = (permission: Permission, page: ReactNode) => (
    <Guard me={me} permission={permission}>
      {page}
    </Guard>
  );
  const unmask = (
    <UnmaskPage
      me={me.username}
      canRequest={allows(me.roles, 'unmask:request')}
      canApprove={allows(me.roles, 'unmask:approve')}
    />
  );
  return (
    <PushProvider>
      <AlertsProvider enabled={allows(me.roles, 'alert:read')}>
        <div className="console">
          <NavBar screens={allowed}>{allows(me.roles, 'alert:read') && <AlertSound username={me.username} />}</NavBar>
          <main className="screen">
            <Switch>
              <Route path="/wall">
                {guard('live:view', <WallPage canReadAlerts={allows(me.roles, 'alert:read')} />)}
              </Route>
              <Route path="/cameras/:id/live">
                {(p) =>
                  guard(
                    'live:view',
                    <CameraLivePage cameraId={p.id} canSavePresets={allows(me.roles, 'camera:write')} />,
                  )
                }
              </Route>
              <Route path="/alerts">
                {guard(
                  'alert:read',
                  <AlertsPage canStopAnalytics={allows(me.roles, 'camera:write')} me={me.username} />,
                )}
              </Route>
              <Route path="/incidents">
                {guard('incident:read', <IncidentsPage canSupervise={allows(me.roles, 'incident:supervise')} />)}
              </Route>
              <Route path="/incidents/:id">
                {(p) =>
                  guard(
                    'incident:read',
                    <IncidentsPage incidentId={p.id} canSupervise={allows(me.roles, 'incident:supervise')} />,
                  )
                }
              </Route>
              <Route path="/map">{guard('camera:read', <MapPage roles={me.roles} />)}</Route>
              <Route path="/playback">{guard('playback:view', <PlaybackPage />)}</Route>
              <Route path="/playback/:id">{(p) => guard('playback:view', <PlaybackPage cameraId={p.id} />)}</Route>
              <Route path="/statistics">{guard('alert:read', <StatisticsPage />)}</Route>
              <Route path="/admin/cameras">{guard('camera:write', <CameraAdminPage />)}</Route>
              <Route path="/admin/cameras/new">{guard('camera:write', <CameraEditPage />)}</Route>
              <Route path="/admin/cameras/discover">{guard('camera:write', <CameraDiscoveryPage />)}</Route>
              <Route path="/admin/cameras/:id">
                {(p) => guard('camera:write', <CameraEditPage cameraId={p.id} />)}
              </Route>
              <Route path="/admin/review">{guard('camera:write', <ReviewPage />)}</Route>
              <Route path="/admin/users">{guard('user:manage', <UsersPage />)}</Route>
              <Route path="/admin/audit">{guard('audit:read', <AuditPage />)}</Route>
              <Route path="/admin/registry">
                {guard('registry:read', <RegistryPage canWrite={allows(me.roles, 'registry:write')} />)}
              </Route>
              <Route path="/admin/registry/:id">
                {(p) =>
                  guard('registry:read', <RegistryPage cameraId={p.id} canWrite={allows(me.roles, 'registry:write')} />)
                }
              </Route>
              <Route path="/admin/requests">{guard('request:manage', <AccessRequestsPage />)}</Route>
              <Route path="/admin/requests/:id">
                {(p) => guard('request:manage', <AccessRequestsPage requestId={p.id} />)}
              </Route>
              <Route path="/admin/holds">
                {guard('hold:read', <HoldsPage canManage={allows(me.roles, 'hold:manage')} />)}
              </Route>
              <Route path="/admin/compliance">{guard('registry:read', <CompliancePage />)}</Route>
              <Route path="/unmask">{guard('unmask:request', unmask)}</Route>
              <Route path="/unmask/decisions">{guard('unmask:approve', unmask)}</Route>
              <Route>
                {home === undefined ? <p className="notice">{t('app.noScreen')}</p> : <Redirect to={home} replace />}
              </Route>
            </Switch>
          </main>
        </div>
      </AlertsProvider>
    </PushProvider>
  );
}

/**
 * The console shell: header with session and language, then the login form or the console; a detached
 * monitor (`/monitor`, opened from the wall or the alerts) fills its window without header or navigation.
 */
export function App() {
  const { t } = useI18n();
  const { me, login, logout } = useSession();
  const [location] = useLocation();
  if (me && location === '/monitor') return <MonitorPage me={me} />;
  return (
    <div className="app">
      <header className="top">
        <h1>{t('app.title')}</h1>
        <span className="tagline">{t('app.tagline')}</span>
        {me && (
          <span className="user">
            <span className="who">{me.displayName}</span>{' '}
            <span className="roles">({me.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ')})</span>{' '}
            <button type="button" onClick={() => void logout()}>
              {t('login.logout')}
            </button>
          </span>
        )}
        <LanguagePicker className="language" />
      </header>
      {me === undefined ? null : me === null ? (
        <main className="screen">
          <LoginForm onLogin={login} />
        </main>
      ) : (
        <Console me={me} />
      )}
    </div>
  );
}
