import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { Alert, AlertAction, AlertStatus } from '../api/contract';
import type { ApiResult } from '../api/video-api';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { alertQueue, type AlertFilter } from '../logic/alert-order';
import { alertCommandOf, stepSelection } from '../logic/alert-shortcuts';
import { AlertCard } from './alert-card';
import { AlertDetail } from './alert-detail';
import { cameraOptions, FilterSelect } from './filter-select';
import { ShortcutHelp } from './shortcut-help';

const statuses: readonly (AlertStatus | 'pending')[] = ['pending', 'open', 'acknowledged'];

/** Props of the alert queue. */
export interface AlertQueueProps {
  alerts: readonly Alert[];
  cameras: readonly { id: string; name: string }[];
  /** Performs an action; resolves to the refusal, or undefined when done. */
  act: (alertId: string, action: AlertAction) => Promise<Extract<ApiResult<never>, { ok: false }> | undefined>;
  /** Where an alert's clip is reviewed (playback of its camera), if the caller may. */
  playbackHref?: (alert: Alert) => string;
  /** The alert shown in the pane (from the address, so a wall tile can open one). */
  selectedId: string | undefined;
  onSelect: (alertId: string) => void;
  me: string;
  timeZone: string;
}

const modalOpen = () => document.querySelector('dialog[open]') !== null;

const inField = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));

/**
 * The alert queue: compact cards, most severe then newest first, filtered by camera, type and status; the
 * selected alert in a pane beside them with every action; keyboard shortcuts (j/k, a, m, 1–3, e, c, ?).
 */
export function AlertQueue({
  alerts,
  cameras,
  act,
  playbackHref,
  selectedId,
  onSelect,
  me,
  timeZone,
}: AlertQueueProps) {
  const { t, problem } = useI18n();
  const [, navigate] = useLocation();
  const [filter, setFilter] = useState<AlertFilter>({ status: 'pending' });
  const [error, setError] = useState<string | undefined>(undefined);
  const [help, setHelp] = useState(false);
  const types = [...new Set(alerts.map((a) => a.type))].sort();
  const shown = alertQueue(alerts, filter);
  const names = new Map(cameras.map((c) => [c.id, c.name]));
  // A closed alert leaves the queue: the pane moves on to the first one still to handle.
  const selected = shown.find((a) => a.id === selectedId) ?? shown[0];
  const choose = (key: keyof AlertFilter, value: string) => {
    const { [key]: _dropped, ...rest } = filter;
    setFilter(value === '' ? rest : { ...rest, [key]: value });
  };
  const perform = async (action: AlertAction): Promise<boolean> => {
    if (selected === undefined) return false;
    const failure = await act(selected.id, action);
    setError(failure === undefined ? undefined : problem(failure));
    return failure === undefined;
  };
  useEffect(() => setError(undefined), [selected?.id]);

  const latest = useRef({ shown, selected, perform });
  useLayoutEffect(() => {
    latest.current = { shown, selected, perform };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = alertCommandOf({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        inField: inField(event.target),
      });
      const { shown: list, selected: current, perform: run } = latest.current;
      // Read from the page, not from state: the dialog's close event (and so the state) may come after the next key.
      if (command === undefined || (modalOpen() && command.command !== 'help')) return;
      event.preventDefault();
      switch (command.command) {
        case 'next':
        case 'previous': {
          const ids = list.map((a) => a.id);
          const next = stepSelection(ids, current?.id, command.command === 'next' ? 1 : -1);
          if (next !== undefined) onSelect(next);
          return;
        }
        case 'help':
          setHelp((open) => !open);
          return;
        case 'clip':
          if (current !== undefined && playbackHref !== undefined) navigate(playbackHref(current));
          return;
        case 'acknowledge':
        case 'claim':
          void run({ action: command.command });
          return;
        case 'escalate':
          void run({ action: 'escalate' });
          return;
        case 'verdict':
          void run({ action: 'qualify', qualification: command.qualification });
          return;
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [navigate, onSelect, playbackHref]);

  useEffect(() => {
    document.querySelector(`.alert-card[data-alert-id="${selected?.id ?? ''}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected?.id]);

  return (
    <div className="alert-queue">
      <div className="filters" role="search">
        <FilterSelect
          label={t('alerts.filter.camera')}
          value={filter.cameraId ?? ''}
          onChange={(value) => choose('cameraId', value)}
          options={cameraOptions(cameras)}
        />
        <FilterSelect
          label={t('alerts.filter.type')}
          value={filter.type ?? ''}
          onChange={(value) => choose('type', value)}
          options={types.map((type) => ({ value: type, label: t(`alertType.${type}` as MessageKey) }))}
        />
        <label>
          {t('alerts.filter.status')}
          <select value={filter.status ?? ''} onChange={(e) => choose('status', e.target.value)}>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`alertStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <span className="count">{t('alerts.count', { count: shown.length })}</span>
        <button type="button" className="link" onClick={() => setHelp(true)}>
          {t('alerts.shortcutsButton')}
        </button>
      </div>
      <div className="queue-panes">
        {shown.length === 0 ? (
          <p className="empty">{t('alerts.empty')}</p>
        ) : (
          <ol className="alert-cards" role="listbox" aria-label={t('nav.alerts')}>
            {shown.map((alert) => (
              <AlertCard
                key={alert.id}
                alert={alert}
                cameraName={names.get(alert.cameraId) ?? alert.cameraId}
                selected={alert.id === selected?.id}
                onSelect={onSelect}
                timeZone={timeZone}
              />
            ))}
          </ol>
        )}
        {selected === undefined ? (
          <p className="hint detail-empty">{t('alerts.select')}</p>
        ) : (
          <AlertDetail
            key={selected.id}
            alert={selected}
            cameraName={names.get(selected.cameraId) ?? selected.cameraId}
            me={me}
            act={perform}
            error={error}
            playbackHref={playbackHref?.(selected)}
            timeZone={timeZone}
          />
        )}
      </div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
