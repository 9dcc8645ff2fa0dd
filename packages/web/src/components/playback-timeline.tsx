import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { TimeRange } from '../api/contract';
import { useTimeZone } from '../api/use-time-zone';
import { useI18n } from '../i18n/i18n';
import { dateLocale } from '../i18n/messages';
import { fractionOf, rangeSpan, tickStep, timeAt, timeTicks, type Window } from '../logic/timeline';

/** A mark on the timeline (an alert or analytics event). */
export interface TimelineEvent {
  id: string;
  at: string;
  label: string;
}

/** Props of the playback timeline. */
export interface PlaybackTimelineProps {
  window: Window;
  ranges: readonly TimeRange[];
  gaps: readonly TimeRange[];
  events: readonly TimelineEvent[];
  /** The playhead, ms since the epoch. */
  position: number;
  onSeek: (at: number) => void;
}

const width = 1000;

/**
 * The recorded time of a camera: recorded spans, gaps (hatched) and event marks across a window, with
 * a playhead to scrub with the pointer or the keyboard (←/→ 10 s, PageUp/PageDown 1 min, Home/End),
 * and a list of events to jump to.
 */
export function PlaybackTimeline({ window, ranges, gaps, events, position, onSeek }: PlaybackTimelineProps) {
  const { t, language } = useI18n();
  const timeZone = useTimeZone();
  const bar = useRef<SVGSVGElement>(null);
  const scrubbing = useRef(false);
  const clock = new Intl.DateTimeFormat(dateLocale(language), { timeStyle: 'medium', timeZone });
  const seekTo = (event: PointerEvent) => {
    const box = bar.current?.getBoundingClientRect();
    if (box !== undefined && box.width > 0) onSeek(timeAt(window, (event.clientX - box.left) / box.width));
  };
  const onKey = (event: KeyboardEvent) => {
    const steps: Record<string, number> = { ArrowLeft: -10_000, ArrowRight: 10_000, PageDown: -60_000, PageUp: 60_000 };
    const step = steps[event.key];
    if (step !== undefined) onSeek(Math.min(Math.max(position + step, window.from), window.to));
    else if (event.key === 'Home') onSeek(window.from);
    else if (event.key === 'End') onSeek(window.to);
    else return;
    event.preventDefault();
  };
  const x = (at: number) => fractionOf(window, at) * width;
  const ticks = timeTicks(window);
  // Ticks closer than a minute apart show their seconds, or two would read the same.
  const tickClock = new Intl.DateTimeFormat(dateLocale(language), {
    timeStyle: tickStep(ticks) < 60_000 ? 'medium' : 'short',
    timeZone,
  });

  return (
    <div className="playback-timeline">
      <svg
        ref={bar}
        viewBox={`0 0 ${width} 70`}
        preserveAspectRatio="none"
        role="slider"
        tabIndex={0}
        aria-label={t('timeline.label')}
        aria-valuemin={window.from}
        aria-valuemax={window.to}
        aria-valuenow={position}
        aria-valuetext={clock.format(new Date(position))}
        onPointerDown={(e) => {
          scrubbing.current = true;
          bar.current?.setPointerCapture(e.pointerId);
          seekTo(e);
        }}
        onPointerMove={(e) => scrubbing.current && seekTo(e)}
        onPointerUp={() => (scrubbing.current = false)}
        onKeyDown={onKey}
      >
        <defs>
          <pattern id="gap-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#3a1f24" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#f85149" strokeWidth="3" />
          </pattern>
        </defs>
        <rect x={0} y={20} width={width} height={30} className="track" />
        {ranges.map((r) => {
          const span = rangeSpan(window, r);
          return (
            span && (
              <rect
                key={r.start}
                className="recorded"
                x={span.start * width}
                y={20}
                width={(span.end - span.start) * width}
                height={30}
              />
            )
          );
        })}
        {gaps.map((g) => {
          const span = rangeSpan(window, g);
          return (
            span && (
              <rect
                key={g.start}
                fill="url(#gap-hatch)"
                x={span.start * width}
                y={20}
                width={(span.end - span.start) * width}
                height={30}
              />
            )
          );
        })}
        {events.map((e) => {
          const at = Date.parse(e.at);
          return at >= window.from && at <= window.to ? (
            <path key={e.id} className="event-mark" d={`M ${x(at)} 18 l -7 -12 h 14 z`}>
              <title>{e.label}</title>
            </path>
          ) : null;
        })}
        <line className="playhead" x1={x(position)} x2={x(position)} y1={4} y2={56} />
        {ticks.map((tick) => (
          <text
            key={tick}
            x={x(tick)}
            y={68}
            className="tick"
            textAnchor={x(tick) < 60 ? 'start' : x(tick) > width - 60 ? 'end' : 'middle'}
          >
            {tickClock.format(new Date(tick))}
          </text>
        ))}
      </svg>
      <div className="timeline-legend">
        <span className="legend recorded">{t('timeline.recorded')}</span>
        <span className="legend gap">{t('timeline.gap')}</span>
        <span className="legend event">{t('timeline.event')}</span>
        <output>{clock.format(new Date(position))}</output>
      </div>
      {events.length > 0 && (
        <ul className="timeline-events" aria-label={t('timeline.events')}>
          {events.map((e) => (
            <li key={e.id}>
              <button type="button" onClick={() => onSeek(Date.parse(e.at))}>
                {clock.format(new Date(e.at))} — {e.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
