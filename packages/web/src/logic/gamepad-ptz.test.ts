import { describe, expect, it } from 'vitest';
import {
  gamepadMoveIntervalMs,
  gamepadVelocity,
  pollGamepad,
  restingGamepad,
  type GamepadMemory,
  type GamepadReading,
} from './gamepad-ptz';

/** A standard-mapping gamepad with these axes and these buttons pressed (index → value). */
const pad = (axes: number[] = [0, 0, 0, 0], pressed: Record<number, number> = {}): GamepadReading => ({
  axes,
  buttons: Array.from({ length: 17 }, (_, i) => ({ pressed: (pressed[i] ?? 0) > 0, value: pressed[i] ?? 0 })),
});

/** Polls a sequence of readings at the given times, collecting every command sent. */
function run(steps: [number, GamepadReading | undefined][]) {
  let memory: GamepadMemory = restingGamepad;
  return steps.map(([now, reading]) => {
    const polled = pollGamepad(memory, reading, now);
    memory = polled.memory;
    return polled.commands;
  });
}

describe('gamepad speeds', () => {
  it('ignores a stick inside the dead zone and rescales beyond it', () => {
    expect(gamepadVelocity(pad([0.15, -0.19, 0, 0.1]))).toEqual({ pan: 0, tilt: 0, zoom: 0 });
    expect(gamepadVelocity(pad([1, 0, 0, 0]))).toEqual({ pan: 1, tilt: 0, zoom: 0 });
    expect(gamepadVelocity(pad([-0.6, 0, 0, 0]))).toEqual({ pan: -0.5, tilt: 0, zoom: 0 });
  });

  it('tilts up when the left stick is pushed up (negative Y) and zooms with the triggers or the right stick', () => {
    expect(gamepadVelocity(pad([0, -1, 0, 0]))).toEqual({ pan: 0, tilt: 1, zoom: 0 });
    expect(gamepadVelocity(pad([0, 0, 0, 0], { 7: 1 }))).toEqual({ pan: 0, tilt: 0, zoom: 1 });
    expect(gamepadVelocity(pad([0, 0, 0, 0], { 6: 1 }))).toEqual({ pan: 0, tilt: 0, zoom: -1 });
    expect(gamepadVelocity(pad([0, 0, 0, -1]))).toEqual({ pan: 0, tilt: 0, zoom: 1 });
  });

  it('reads a stick drifting by less than a tenth as the same speed', () => {
    expect(gamepadVelocity(pad([0.82, 0, 0, 0]))).toEqual(gamepadVelocity(pad([0.83, 0, 0, 0])));
  });
});

describe('gamepad commands', () => {
  it('moves when a stick leaves rest and stops when it comes back', () => {
    expect(
      run([
        [0, pad()],
        [100, pad([1, 0, 0, 0])],
        [200, pad([1, 0, 0, 0])],
        [300, pad()],
        [400, pad()],
      ]),
    ).toEqual([[], [{ command: 'move', velocity: { pan: 1, tilt: 0, zoom: 0 } }], [], [{ command: 'stop' }], []]);
  });

  it('sends a changed speed no sooner than the interval after the last move', () => {
    const half = pad([0.6, 0, 0, 0]);
    const full = pad([1, 0, 0, 0]);
    const commands = run([
      [1000, half],
      [1000 + gamepadMoveIntervalMs - 1, full],
      [1000 + gamepadMoveIntervalMs, full],
      [1000 + 5 * gamepadMoveIntervalMs, full],
    ]);
    expect(commands).toEqual([
      [{ command: 'move', velocity: { pan: 0.5, tilt: 0, zoom: 0 } }],
      [],
      [{ command: 'move', velocity: { pan: 1, tilt: 0, zoom: 0 } }],
      [],
    ]);
  });

  it('stops on B even while the stick is held, and until B is released', () => {
    const right = pad([1, 0, 0, 0]);
    const rightWithB = pad([1, 0, 0, 0], { 1: 1 });
    expect(
      run([
        [0, right],
        [1000, rightWithB],
        [2000, rightWithB],
        [3000, right],
      ]),
    ).toEqual([
      [{ command: 'move', velocity: { pan: 1, tilt: 0, zoom: 0 } }],
      [{ command: 'stop' }],
      [],
      [{ command: 'move', velocity: { pan: 1, tilt: 0, zoom: 0 } }],
    ]);
  });

  it('calls the first presets with A, X and Y once per press', () => {
    expect(
      run([
        [0, pad([0, 0, 0, 0], { 0: 1 })],
        [100, pad([0, 0, 0, 0], { 0: 1 })],
        [200, pad([0, 0, 0, 0], { 2: 1, 3: 1 })],
      ]),
    ).toEqual([
      [{ command: 'preset', index: 0 }],
      [],
      [
        { command: 'preset', index: 1 },
        { command: 'preset', index: 2 },
      ],
    ]);
  });

  it('stops a moving head when the gamepad goes away, and says nothing otherwise', () => {
    expect(
      run([
        [0, pad([0, 1, 0, 0])],
        [100, undefined],
        [200, undefined],
      ]),
    ).toEqual([[{ command: 'move', velocity: { pan: 0, tilt: -1, zoom: 0 } }], [{ command: 'stop' }], []]);
  });
});
