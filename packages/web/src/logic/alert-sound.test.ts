import { describe, expect, it } from 'vitest';
import type { Alert } from '../api/contract';
import { soundFor, soundPatterns } from './alert-sound';

const alert = (severity: Alert['severity'], status: Alert['status']) =>
  ({ id: severity + status, severity, status, openedAt: '2026-11-30T10:00:00Z' }) as Alert;

describe('alert sound', () => {
  it('sounds for the most severe alert nobody acknowledged', () => {
    expect(soundFor([alert('low', 'open'), alert('high', 'open')])).toBe(soundPatterns.high);
    expect(soundFor([alert('low', 'open'), alert('high', 'acknowledged')])).toBe(soundPatterns.low);
  });

  it('falls silent once every alert is acknowledged, and never sounds for information', () => {
    expect(soundFor([alert('high', 'acknowledged'), alert('medium', 'closed')])).toBeUndefined();
    expect(soundFor([alert('info', 'open')])).toBeUndefined();
  });
});
