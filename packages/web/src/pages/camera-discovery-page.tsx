import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client';
import type { Body, Reply } from '../api/schema-types';
import { useLegalProfile } from '../api/use-console-settings';
import { CoordinateField, PurposesField } from '../components/camera-fields';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';

type Found = Reply<'/api/cameras/discover', 'post', 200>[number];
type Profiles = Reply<'/api/cameras/onvif/profiles', 'post', 200>;
type Purpose = Body<'/api/cameras/onvif', 'post'>['purposes'][number];
type Failure = { code: string; message: string };

/** A refusal of the server, kept as its code so that it is shown in whatever language the console is switched to. */
function failureOf(error: unknown, response: Response): Failure {
  const body = (error as { error?: { code?: string; message?: string } } | undefined)?.error;
  return { code: body?.code ?? 'HTTP_ERROR', message: body?.message ?? `HTTP ${response.status}` };
}

/** The host:port of a device service URL, as an administrator reads it. */
function host(address: string): string {
  try {
    return new URL(address).host;
  } catch {
    return address;
  }
}

/** Finds ONVIF devices on the local network, then adds one as a camera with the main and sub profiles chosen. */
export function CameraDiscoveryPage() {
  const { t, problem: say } = useI18n();
  const [found, setFound] = useState<Found[] | undefined>(undefined);
  const [searching, setSearching] = useState(false);
  const [chosen, setChosen] = useState<Found | undefined>(undefined);
  const [problem, setProblem] = useState<Failure | undefined>(undefined);
  const [added, setAdded] = useState<string | undefined>(undefined);

  async function search(): Promise<void> {
    setSearching(true);
    setProblem(undefined);
    const { data, error, response } = await api.POST('/api/cameras/discover', { body: {} });
    setSearching(false);
    if (data === undefined) setProblem(failureOf(error, response));
    else setFound(data);
  }

  useEffect(() => {
    void search();
  }, []);

  return (
    <section className="onvif-discovery">
      <p>
        <Link href="/admin/cameras">{t('onvif.back')}</Link>
      </p>
      <h2>{t('onvif.heading')}</h2>
      <p className="hint">{t('onvif.explain')}</p>
      <p>
        <button type="button" disabled={searching} onClick={() => void search()}>
          {t('onvif.search')}
        </button>{' '}
        <span role="status">
          {searching
            ? t('onvif.searching')
            : found === undefined
              ? ''
              : found.length === 0
                ? t('onvif.none')
                : t('onvif.found', { count: found.length })}
        </span>
      </p>
      {problem !== undefined && (
        <p className="error" role="alert">
          {say(problem)}
        </p>
      )}
      {added !== undefined && (
        <p className="notice" role="status" data-testid="onvif-added">
          {t('onvif.addedCamera', { name: added })}
        </p>
      )}
      {found !== undefined && found.length > 0 && (
        <table className="onvif-devices" aria-label={t('onvif.devices')}>
          <thead>
            <tr>
              <th>{t('onvif.name')}</th>
              <th>{t('onvif.model')}</th>
              <th>{t('onvif.address')}</th>
              <th>{t('onvif.added')}</th>
            </tr>
          </thead>
          <tbody>
            {found.map((device) => (
              <tr key={device.urn} data-address={device.address}>
                <td>{device.name ?? t('onvif.unnamed')}</td>
                <td>{device.hardware ?? ''}</td>
                <td>{host(device.address)}</td>
                <td>
                  {device.cameraId === undefined ? (
                    <button type="button" onClick={() => setChosen(device)}>
                      {t('onvif.choose', { name: device.name ?? host(device.address) })}
                    </button>
                  ) : (
                    <>
                      {t('common.yes')} —{' '}
                      <Link href={`/admin/cameras/${device.cameraId}`}>{t('onvif.openCamera')}</Link>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {chosen !== undefined && (
        <OnvifAddForm
          key={chosen.urn}
          device={chosen}
          onAdded={(name) => {
            setChosen(undefined);
            setAdded(name);
            void search();
          }}
        />
      )}
    </section>
  );
}

/** Credentials, then the profiles read with them, then the camera's name, position and purposes. */
function OnvifAddForm({ device, onAdded }: { device: Found; onAdded: (name: string) => void }) {
  const { t, problem: say } = useI18n();
  const legal = useLegalProfile();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [profiles, setProfiles] = useState<Profiles | undefined>(undefined);
  const [main, setMain] = useState('');
  const [sub, setSub] = useState('');
  const [name, setName] = useState(device.name ?? '');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [busy, setBusy] = useState<MessageKey | undefined>(undefined);
  const [problem, setProblem] = useState<Failure | undefined>(undefined);

  async function readProfiles(): Promise<void> {
    setBusy('onvif.reading');
    setProblem(undefined);
    const { data, error, response } = await api.POST('/api/cameras/onvif/profiles', {
      body: { address: device.address, username, password },
    });
    setBusy(undefined);
    if (data === undefined) {
      setProblem(failureOf(error, response));
      return;
    }
    setProfiles(data);
    setMain(data.suggestedMain);
    setSub(data.suggestedSub ?? '');
  }

  async function add(): Promise<void> {
    setBusy('onvif.adding');
    setProblem(undefined);
    const { data, error, response } = await api.POST('/api/cameras/onvif', {
      body: {
        address: device.address,
        urn: device.urn,
        username,
        password,
        mainProfile: main,
        subProfile: sub === '' ? null : sub,
        name,
        location: { lat: Number(lat), lon: Number(lon) },
        purposes,
      },
    });
    setBusy(undefined);
    if (data === undefined) setProblem(failureOf(error, response));
    else onAdded(data.camera.name);
  }

  const label = (p: Profiles['profiles'][number]): string =>
    t(p.fps === undefined ? 'onvif.profile' : 'onvif.profileFps', {
      name: p.name,
      width: p.width,
      height: p.height,
      encoding: p.encoding,
      fps: p.fps ?? '',
    });

  return (
    <form
      className="onvif-add camera-form"
      onSubmit={(e) => {
        e.preventDefault();
        void (profiles === undefined ? readProfiles() : add());
      }}
    >
      <h3 className="wide">{t('onvif.formHeading', { name: device.name ?? '', address: host(device.address) })}</h3>
      <label>
        {t('onvif.username')}
        <input value={username} required autoComplete="off" onChange={(e) => setUsername(e.target.value)} />
      </label>
      <label>
        {t('onvif.password')}
        <input
          type="password"
          value={password}
          autoComplete="new-password"
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {profiles === undefined ? (
        <div className="actions wide">
          <button type="submit" disabled={busy !== undefined}>
            {t('onvif.readProfiles')}
          </button>
        </div>
      ) : (
        <>
          <p className="wide">{t('onvif.device', { manufacturer: profiles.manufacturer, model: profiles.model })}</p>
          <label>
            {t('onvif.mainProfile')}
            <select value={main} onChange={(e) => setMain(e.target.value)}>
              {profiles.profiles.map((p) => (
                <option key={p.token} value={p.token}>
                  {label(p)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('onvif.subProfile')}
            <select value={sub} onChange={(e) => setSub(e.target.value)}>
              <option value="">{t('onvif.noSub')}</option>
              {profiles.profiles
                .filter((p) => p.token !== main)
                .map((p) => (
                  <option key={p.token} value={p.token}>
                    {label(p)}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('onvif.cameraName')}
            <input value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
          </label>
          <CoordinateField axis="lat" value={lat} onChange={setLat} />
          <CoordinateField axis="lon" value={lon} onChange={setLon} />
          <PurposesField offered={legal?.purposes ?? []} chosen={purposes} onChange={setPurposes} />
          <div className="actions wide">
            <button type="submit" disabled={busy !== undefined}>
              {t('onvif.addCamera')}
            </button>
          </div>
        </>
      )}
      {busy !== undefined && <p className="wide">{t(busy)}</p>}
      {problem !== undefined && (
        <p className="error wide" role="alert">
          {say(problem)}
        </p>
      )}
    </form>
  );
}
