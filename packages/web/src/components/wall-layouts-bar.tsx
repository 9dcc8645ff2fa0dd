import { useCallback, useEffect, useState } from 'react';
import type { SavedWall, WallLayoutInput } from '../api/contract';
import { openMonitor } from '../api/monitor-channel';
import type { ApiResult } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import type { WallDraft } from '../logic/wall-draft';

/** Where the console remembers the wall this browser opened or saved last, to reopen it on the next visit. */
const lastWallKey = 'vigie.wall.last';

/** Where saved walls are kept (the console passes `videoApi`'s wall routes). */
export interface WallLayoutStore {
  wallLayouts: () => Promise<ApiResult<SavedWall[]>>;
  saveWallLayout: (name: string, body: WallLayoutInput) => Promise<ApiResult<SavedWall>>;
  deleteWallLayout: (name: string) => Promise<ApiResult<unknown>>;
}

/** Props of the saved-walls bar. */
export interface WallLayoutsBarProps {
  store: WallLayoutStore;
  /** The wall as arranged now (what saving stores). */
  draft: WallDraft;
  /** Shows a saved wall. */
  onOpen: (wall: SavedWall) => void;
}

/**
 * The operator's saved walls (kept on the server, per person): open one, delete it, or save the wall
 * as arranged now under a name, or show a saved one on a detached monitor (a second window). The wall
 * opened or saved last is reopened on the next visit.
 */
export function WallLayoutsBar({ store, draft, onOpen }: WallLayoutsBarProps) {
  const { t, problem } = useI18n();
  const [saved, setSaved] = useState<SavedWall[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>(undefined);

  const open = useCallback(
    (wall: SavedWall) => {
      localStorage.setItem(lastWallKey, wall.name);
      setChosen(wall.name);
      setName(wall.name);
      onOpen(wall);
    },
    [onOpen],
  );

  useEffect(() => {
    let current = true;
    void store.wallLayouts().then((result) => {
      if (!current) return;
      if (!result.ok) {
        setMessage({ ok: false, text: problem(result) });
        return;
      }
      setSaved(result.data);
      const last = result.data.find((w) => w.name === localStorage.getItem(lastWallKey));
      if (last !== undefined) open(last);
    });
    return () => {
      current = false;
    };
    // Loaded once per visit: reopening on every render would undo the operator's changes.
  }, []);

  async function save(): Promise<void> {
    const result = await store.saveWallLayout(name.trim(), { grid: draft.grid, tiles: draft.tiles });
    if (!result.ok) {
      setMessage({ ok: false, text: problem(result) });
      return;
    }
    localStorage.setItem(lastWallKey, result.data.name);
    setSaved((list) => [...list.filter((w) => w.name !== result.data.name), result.data]);
    setChosen(result.data.name);
    setMessage({ ok: true, text: t('wall.savedOk', { name: result.data.name }) });
  }

  async function remove(): Promise<void> {
    const result = await store.deleteWallLayout(chosen);
    if (!result.ok) {
      setMessage({ ok: false, text: problem(result) });
      return;
    }
    setSaved((list) => list.filter((w) => w.name !== chosen));
    setMessage({ ok: true, text: t('wall.deletedOk', { name: chosen }) });
    setChosen('');
  }

  const selected = saved.find((w) => w.name === chosen);
  return (
    <div className="wall-layouts">
      <label>
        {t('wall.saved')}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{saved.length === 0 ? t('wall.noneSaved') : '—'}</option>
          {[...saved]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((w) => (
              <option key={w.name} value={w.name}>
                {w.name}
              </option>
            ))}
        </select>
      </label>
      <button type="button" disabled={selected === undefined} onClick={() => selected && open(selected)}>
        {t('wall.load')}
      </button>
      <button
        type="button"
        disabled={selected === undefined}
        title={t('monitor.openLayoutHint')}
        onClick={() => selected && openMonitor({ kind: 'layout', name: selected.name })}
      >
        {t('monitor.openLayout')}
      </button>
      <button type="button" disabled={selected === undefined} onClick={() => void remove()}>
        {t('wall.delete')}
      </button>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('wall.saveAs')}
          <input value={name} required maxLength={60} pattern=".*\S.*" onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="submit">{t('wall.save')}</button>
      </form>
      {message !== undefined && (
        <span className={message.ok ? 'ok' : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
