import { useEffect, useRef, useState } from 'react';
import { useAlerts } from '../api/use-alerts';
import { useI18n } from '../i18n/i18n';
import { soundFor, type SoundPattern } from '../logic/alert-sound';

const storageKey = (username: string) => `vigie.sound.${username}`;

/** Plays a pattern once: its tones, a quarter second apart. */
function play(pattern: SoundPattern): void {
  const audio = new AudioContext();
  for (let i = 0; i < pattern.tones; i++) {
    const at = audio.currentTime + i * 0.25;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = pattern.hz;
    gain.gain.setValueAtTime(0.2, at);
    gain.gain.exponentialRampToValueAtTime(0.001, at + 0.2);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.2);
  }
  setTimeout(() => void audio.close(), pattern.tones * 250 + 300);
}

/**
 * The alert sound of the whole console: while an alert nobody acknowledged is there, its severity's
 * pattern repeats, whatever the screen. On by default; each user's choice is remembered on this browser.
 * Renders the switch (in the header) and exposes the last pattern played on `data-sounding` for tests.
 */
export function AlertSound({ username }: { username: string }) {
  const { t } = useI18n();
  const { alerts } = useAlerts();
  const [on, setOn] = useState(() => localStorage.getItem(storageKey(username)) !== 'off');
  const pattern = on ? soundFor(alerts) : undefined;
  const played = useRef(0);
  const [sounding, setSounding] = useState(0);

  useEffect(() => {
    if (pattern === undefined) return;
    const ring = () => {
      play(pattern);
      played.current += 1;
      setSounding(played.current);
    };
    ring();
    const timer = setInterval(ring, pattern.repeatMs);
    return () => clearInterval(timer);
  }, [pattern]);

  const toggle = () => {
    localStorage.setItem(storageKey(username), on ? 'off' : 'on');
    setOn(!on);
  };
  return (
    <button
      type="button"
      className={`sound-toggle ${on ? 'on' : 'off'}`}
      aria-pressed={on}
      title={t('sound.toggle')}
      data-sounding={pattern === undefined ? '' : `${pattern.hz}x${pattern.tones}#${sounding}`}
      onClick={toggle}
    >
      {t(on ? 'sound.on' : 'sound.off')}
    </button>
  );
}
