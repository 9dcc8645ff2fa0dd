import { useEffect, useState } from 'react';
import { CameraHealthPanel } from '../components/camera-health';
import { Link, useLocation } from 'wouter';
import { api, type Camera } from '../api/client';
import { cameraSnapshotUrl } from '../api/media-urls';
import { AnalyticsSwitches } from '../components/analytics-switches';
import { CameraForm } from '../components/camera-form';
import { StreamRoles } from '../components/stream-roles';
import { GeometryEditor } from '../components/geometry-editor';
import { useI18n } from '../i18n/i18n';
import { cameraInput, cameraPatch, draftOf, type CameraDraft } from '../logic/camera-patch';

const blank: CameraDraft = {
  name: '',
  site: '',
  sourceUrl: 'rtsp://',
  location: { lat: Number.NaN, lon: Number.NaN },
  heading: 0,
  fieldOfView: 90,
  retentionDays: 15,
  purposes: [],
  enabled: true,
  masksOnCamera: false,
  analytics: [],
  zones: [],
  masks: [],
  lines: [],
};

interface Problem {
  text: string;
  details: string[];
}

type Body = { error?: { code?: string; message?: string; details?: { path: string; reason: string }[] } } | undefined;

/** A refusal in the interface language (from its code), with the fields the server named. */
function problemOf(
  error: unknown,
  response: Response,
  say: (failure: { code: string; message: string }) => string,
): Problem {
  const body = (error as Body)?.error;
  return {
    text: say({ code: body?.code ?? 'HTTP_ERROR', message: body?.message ?? `HTTP ${response.status}` }),
    details: (body?.details ?? []).map((d) => `${d.path}: ${d.reason}`),
  };
}

/** Adds a camera, or edits one: its settings and what is drawn over its image; saved with a version check. */
export function CameraEditPage({ cameraId }: { cameraId?: string }) {
  const { t, problem: say } = useI18n();
  const [, navigate] = useLocation();
  const [camera, setCamera] = useState<Camera | undefined>(undefined);
  const [draft, setDraft] = useState<CameraDraft | undefined>(cameraId === undefined ? blank : undefined);
  const [problem, setProblem] = useState<Problem | undefined>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (cameraId === undefined) return;
    void api.GET('/api/cameras/{id}', { params: { path: { id: cameraId } } }).then(({ data, error, response }) => {
      if (data === undefined) setProblem(problemOf(error, response, say));
      else {
        setCamera(data);
        setDraft(draftOf(data));
      }
    });
  }, [cameraId]);

  async function save(): Promise<void> {
    if (draft === undefined) return;
    setBusy(true);
    setProblem(undefined);
    setSaved(undefined);
    if (camera === undefined) {
      const { data, error, response } = await api.POST('/api/cameras', { body: cameraInput(draft) });
      if (data === undefined) setProblem(problemOf(error, response, say));
      else navigate(`/admin/cameras/${data.id}`);
    } else {
      const patch = cameraPatch(draftOf(camera), draft);
      if (Object.keys(patch).length === 0) setSaved(t('cameraEdit.unchanged'));
      else {
        const { data, error, response } = await api.PATCH('/api/cameras/{id}', {
          params: { path: { id: camera.id }, header: { 'if-match': String(camera.version) } },
          body: patch,
        });
        if (data === undefined) setProblem(problemOf(error, response, say));
        else {
          setCamera(data);
          setDraft(draftOf(data));
          setSaved(t('cameraEdit.saved', { version: data.version }));
        }
      }
    }
    setBusy(false);
  }

  if (draft === undefined)
    return problem === undefined ? <p>{t('common.loading')}</p> : <p className="error">{problem.text}</p>;
  const { zones, masks, lines, calibration, analytics, ...settings } = draft;
  return (
    <form
      className="camera-edit"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p>
        <Link href="/admin/cameras">{t('cameraEdit.back')}</Link>
      </p>
      <h2>{camera === undefined ? t('cameraEdit.newHeading') : t('cameraEdit.heading', { name: camera.name })}</h2>
      {camera !== undefined && <CameraHealthPanel cameraId={camera.id} />}
      <CameraForm value={settings} onChange={(next) => setDraft({ ...draft, ...next })} />
      {camera !== undefined && <StreamRoles hasSubStream={camera.subStreamUrl !== undefined} />}
      <AnalyticsSwitches
        value={analytics}
        purposes={draft.purposes}
        onChange={(next) => setDraft({ ...draft, analytics: next })}
      />
      {camera !== undefined && (
        <section className="geometry" aria-labelledby="geometry-heading">
          <h3 id="geometry-heading">{t('geometry.heading')}</h3>
          <p className="hint">{t('geometry.explain')}</p>
          <GeometryEditor
            imageUrl={cameraSnapshotUrl(camera.id)}
            value={{ zones, masks, lines, calibration: calibration ?? null }}
            onChange={(next) => setDraft({ ...draft, ...next })}
          />
        </section>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {camera === undefined ? t('cameraEdit.create') : t('cameraEdit.save')}
        </button>
        {camera !== undefined && (
          <span className="version">{t('cameraEdit.version', { version: camera.version })}</span>
        )}
        {saved !== undefined && (
          <span className="ok" role="status">
            {saved}
          </span>
        )}
      </div>
      {problem !== undefined && (
        <div className="error" role="alert">
          <p>{problem.text}</p>
          {problem.details.length > 0 && (
            <ul>
              {problem.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
