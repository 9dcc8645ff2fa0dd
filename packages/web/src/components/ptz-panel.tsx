import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ApiResult } from '../api/video-api';
import { ptzApi, type PresetMask } from '../api/ptz-api';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import type { MessageKey } from '../i18n/fr';
import { pollGamepad, restingGamepad, type GamepadCommand } from '../logic/gamepad-ptz';
import { PresetMaskEditor } from './preset-mask-editor';

interface Control {
  holder?: { name: string; expiresAt: string; you: boolean };
}

interface Preset {
  token: string;
  name: string;
}

/** The buttons held to move the head: what each one moves, at which speed. */
const moves: { key: MessageKey; symbol: string; velocity: { pan?: number; tilt?: number; zoom?: number } }[] = [
  { key: 'ptz.up', symbol: '↑', velocity: { tilt: 0.5 } },
  { key: 'ptz.left', symbol: '←', velocity: { pan: -0.5 } },
  { key: 'ptz.right', symbol: '→', velocity: { pan: 0.5 } },
  { key: 'ptz.down', symbol: '↓', velocity: { tilt: -0.5 } },
  { key: 'ptz.zoomIn', symbol: '+', velocity: { zoom: 0.5 } },
  { key: 'ptz.zoomOut', symbol: '−', velocity: { zoom: -0.5 } },
];

/** How often the lock holder is read again while the panel is open. */
const controlRefreshMs = 3000;

/** How often a connected gamepad is read (the Gamepad API has no events for sticks and buttons). */
const gamepadPollMs = 50;

/** The first connected gamepad, if any (browsers without the Gamepad API have none). */
const firstGamepad = (): Gamepad | undefined =>
  typeof navigator.getGamepads === 'function'
    ? (navigator.getGamepads().find((pad) => pad?.connected === true) ?? undefined)
    : undefined;

/**
 * Whether a gamepad is connected, and while one is (and `enabled`), its sticks and buttons polled into commands
 * handed to `onCommand` (the latest one given) one after the other, so a stop never overtakes the move before it.
 */
function useGamepad(enabled: boolean, onCommand: (command: GamepadCommand) => Promise<void>): boolean {
  const [connected, setConnected] = useState(() => firstGamepad() !== undefined);
  const handler = useRef(onCommand);
  handler.current = onCommand;
  useEffect(() => {
    const update = () => setConnected(firstGamepad() !== undefined);
    window.addEventListener('gamepadconnected', update);
    window.addEventListener('gamepaddisconnected', update);
    return () => {
      window.removeEventListener('gamepadconnected', update);
      window.removeEventListener('gamepaddisconnected', update);
    };
  }, []);
  useEffect(() => {
    if (!enabled || !connected) return;
    let memory = restingGamepad;
    let queue = Promise.resolve();
    const send = (commands: GamepadCommand[]) => {
      // A command that fails (network down) is reported by the panel; the next ones still go.
      for (const command of commands) queue = queue.then(() => handler.current(command)).catch(() => undefined);
    };
    const timer = setInterval(() => {
      const polled = pollGamepad(memory, firstGamepad(), performance.now());
      memory = polled.memory;
      send(polled.commands);
    }, gamepadPollMs);
    return () => {
      clearInterval(timer);
      // Leaving the page or losing the gamepad mid-move must not leave the head turning.
      send(pollGamepad(memory, undefined, performance.now()).commands);
    };
  }, [enabled, connected]);
  return connected;
}

/**
 * PTZ controls under a camera's live picture: hold an arrow or a zoom button to move (pointer or keyboard), the
 * presets to call (with how many privacy masks each has), who holds the controls; supervisors save the current
 * position as a preset and draw each preset's masks. A gamepad steers too: left stick, triggers or right stick to
 * zoom, B to stop, A/X/Y for the first three presets. Renders nothing for a camera that cannot be steered.
 */
export function PtzPanel({ cameraId, canSavePresets }: { cameraId: string; canSavePresets: boolean }) {
  const { t, problem, language } = useI18n();
  const timeZone = useTimeZone();
  const [available, setAvailable] = useState<boolean | undefined>(undefined);
  const [control, setControl] = useState<Control>({});
  const [presets, setPresets] = useState<Preset[]>([]);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const [presetName, setPresetName] = useState('');
  const [masks, setMasks] = useState<Record<string, PresetMask[]>>({});
  const [editing, setEditing] = useState<Preset | undefined>(undefined);

  const report = useCallback(
    <T,>(result: ApiResult<T>): result is { ok: true; data: T } => {
      setFailure(result.ok ? undefined : problem(result));
      return result.ok;
    },
    [problem],
  );

  const refresh = useCallback(async () => {
    const result = await ptzApi.control(cameraId);
    if (!result.ok && result.code === 'PTZ_NOT_AVAILABLE') {
      setAvailable(false);
      return;
    }
    setAvailable(true);
    if (result.ok) setControl(result.data);
  }, [cameraId]);

  const loadPresets = useCallback(async () => {
    const result = await ptzApi.presets(cameraId);
    if (report(result)) setPresets(result.data);
    const stored = await ptzApi.masks(cameraId);
    if (stored.ok) setMasks(Object.fromEntries(stored.data.map((p) => [p.preset, p.masks])));
  }, [cameraId, report]);

  const act = async (call: () => Promise<ApiResult<unknown>>) => {
    report(await call());
    await refresh();
  };
  const start = (velocity: { pan?: number; tilt?: number; zoom?: number }) =>
    void act(() => ptzApi.move(cameraId, velocity));
  const stop = () => void act(() => ptzApi.stop(cameraId));
  const gamepad = useGamepad(available === true, async (command) => {
    if (command.command === 'move') return act(() => ptzApi.move(cameraId, command.velocity));
    if (command.command === 'stop') return act(() => ptzApi.stop(cameraId));
    const preset = presets[command.index];
    if (preset !== undefined) return act(() => ptzApi.gotoPreset(cameraId, preset.token));
  });

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), controlRefreshMs);
    return () => clearInterval(timer);
  }, [refresh]);

  useEffect(() => {
    if (available === true) void loadPresets();
  }, [available, loadPresets]);

  if (available !== true) return null;

  const keyDown = (velocity: { pan?: number; tilt?: number; zoom?: number }) => (event: KeyboardEvent) => {
    if ((event.key === 'Enter' || event.key === ' ') && !event.repeat) {
      event.preventDefault();
      start(velocity);
    }
  };
  const keyUp = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') stop();
  };
  const save = async () => {
    const result = await ptzApi.savePreset(cameraId, presetName.trim());
    if (report(result)) {
      setPresetName('');
      await loadPresets();
    }
    await refresh();
  };

  const holder = control.holder;
  return (
    <section className="ptz-panel" aria-label={t('ptz.heading')}>
      <h3>{t('ptz.heading')}</h3>
      <p className="ptz-holder" data-testid="ptz-holder">
        {holder === undefined
          ? t('ptz.free')
          : holder.you
            ? t('ptz.yours')
            : t('ptz.heldBy', {
                name: holder.name,
                time: new Date(holder.expiresAt).toLocaleTimeString(dateLocale(language), { timeZone }),
              })}
      </p>
      {holder !== undefined && !holder.you && (
        <button type="button" onClick={() => void act(() => ptzApi.take(cameraId))}>
          {t('ptz.take')}
        </button>
      )}
      {gamepad && (
        <p className="hint" data-testid="ptz-gamepad">
          {t('ptz.gamepad')}
        </p>
      )}
      <div className="ptz-pad">
        {moves.map((move) => (
          <button
            key={move.key}
            type="button"
            aria-label={t(move.key)}
            title={t(move.key)}
            onPointerDown={() => start(move.velocity)}
            onPointerUp={stop}
            onPointerLeave={(event) => {
              if (event.buttons !== 0) stop();
            }}
            onKeyDown={keyDown(move.velocity)}
            onKeyUp={keyUp}
          >
            {move.symbol}
          </button>
        ))}
      </div>
      <h4>{t('ptz.presets')}</h4>
      {presets.length === 0 ? (
        <p>{t('ptz.noPresets')}</p>
      ) : (
        <ul className="ptz-presets">
          {presets.map((preset) => (
            <li key={preset.token}>
              <button type="button" onClick={() => void act(() => ptzApi.gotoPreset(cameraId, preset.token))}>
                {t('ptz.goto', { name: preset.name })}
              </button>
              <span className="hint">
                {(masks[preset.token] ?? []).length === 0
                  ? t('ptz.masks.none')
                  : t('ptz.masks.count', { count: (masks[preset.token] ?? []).length })}
              </span>
              {canSavePresets && (
                <button type="button" onClick={() => setEditing(preset)}>
                  {t('ptz.masks.edit', { name: preset.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canSavePresets && editing !== undefined && (
        <PresetMaskEditor
          key={editing.token}
          cameraId={cameraId}
          preset={editing}
          stored={masks[editing.token] ?? []}
          onSaved={() => void loadPresets()}
          onClose={() => setEditing(undefined)}
        />
      )}
      {canSavePresets && (
        <form
          className="ptz-save"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label>
            {t('ptz.presetName')}
            <input value={presetName} maxLength={64} required onChange={(e) => setPresetName(e.target.value)} />
          </label>
          <button type="submit">{t('ptz.save')}</button>
        </form>
      )}
      {failure !== undefined && (
        <p className="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
