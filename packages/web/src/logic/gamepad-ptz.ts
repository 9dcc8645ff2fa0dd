/** A PTZ speed on each axis, −1…1 (0: still), as the move route takes it. */
export interface PtzVelocity {
  pan: number;
  tilt: number;
  zoom: number;
}

/** What the panel reads of a gamepad (a subset of the browser's `Gamepad`, standard mapping). */
export interface GamepadReading {
  axes: readonly number[];
  buttons: readonly { pressed: boolean; value: number }[];
}

/** What a gamepad asks of the head on one poll. */
export type GamepadCommand =
  { command: 'move'; velocity: PtzVelocity } | { command: 'stop' } | { command: 'preset'; index: number };

/** What the mapping remembers between two polls: the speeds last sent (undefined: still) and the buttons held. */
export interface GamepadMemory {
  sent: PtzVelocity | undefined;
  sentAt: number;
  held: readonly boolean[];
}

/** Stick deflection below which an axis counts as at rest (worn sticks never read exactly 0). */
export const gamepadDeadZone = 0.2;

/** Shortest interval between two move commands while a stick is held, so moves are not audited by the dozen. */
export const gamepadMoveIntervalMs = 250;

/** Standard-mapping buttons: B stops; A, X, Y call the first, second and third presets; LT/RT zoom. */
export const gamepadButtons = { stop: 1, presets: [0, 2, 3], zoomOut: 6, zoomIn: 7 } as const;

/** The memory of a gamepad that has sent nothing yet. */
export const restingGamepad: GamepadMemory = { sent: undefined, sentAt: Number.NEGATIVE_INFINITY, held: [] };

/** An axis past the dead zone, rescaled to 0…1 from its edge and rounded to tenths (jitter sends no new move). */
function shaped(value: number): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude < gamepadDeadZone) return 0;
  const scaled = Math.min(1, (magnitude - gamepadDeadZone) / (1 - gamepadDeadZone));
  return (Math.sign(value) * Math.round(scaled * 10)) / 10 || 0;
}

/** The speeds a gamepad asks for: left stick pans and tilts (pushed up: tilt up), triggers or right stick Y zoom. */
export function gamepadVelocity(reading: GamepadReading): PtzVelocity {
  const triggers =
    (reading.buttons[gamepadButtons.zoomIn]?.value ?? 0) - (reading.buttons[gamepadButtons.zoomOut]?.value ?? 0);
  const stickZoom = -(reading.axes[3] ?? 0);
  return {
    pan: shaped(reading.axes[0] ?? 0),
    tilt: shaped(-(reading.axes[1] ?? 0)),
    zoom: shaped(Math.abs(triggers) >= Math.abs(stickZoom) ? triggers : stickZoom),
  };
}

const still = (v: PtzVelocity): boolean => v.pan === 0 && v.tilt === 0 && v.zoom === 0;
const same = (a: PtzVelocity, b: PtzVelocity): boolean => a.pan === b.pan && a.tilt === b.tilt && a.zoom === b.zoom;

/**
 * One poll of a gamepad (undefined: none connected) at `now` (ms): the commands to send and the memory for the next
 * poll. A new speed is sent when it changes, never twice within `gamepadMoveIntervalMs`; releasing the sticks, holding
 * B or losing the gamepad sends a stop at once; a button acts when pressed, not while held.
 */
export function pollGamepad(
  memory: GamepadMemory,
  reading: GamepadReading | undefined,
  now: number,
): { commands: GamepadCommand[]; memory: GamepadMemory } {
  if (reading === undefined) {
    return { commands: memory.sent === undefined ? [] : [{ command: 'stop' }], memory: restingGamepad };
  }
  const held = reading.buttons.map((button) => button.pressed);
  const pressed = (index: number): boolean => held[index] === true && memory.held[index] !== true;
  const commands: GamepadCommand[] = [];
  let { sent, sentAt } = memory;
  const velocity = gamepadVelocity(reading);
  if (held[gamepadButtons.stop] === true || still(velocity)) {
    if (pressed(gamepadButtons.stop) || sent !== undefined) commands.push({ command: 'stop' });
    sent = undefined;
  } else if ((sent === undefined || !same(sent, velocity)) && now - sentAt >= gamepadMoveIntervalMs) {
    commands.push({ command: 'move', velocity });
    sent = velocity;
    sentAt = now;
  }
  gamepadButtons.presets.forEach((button, index) => {
    if (pressed(button)) commands.push({ command: 'preset', index });
  });
  return { commands, memory: { sent, sentAt, held } };
}
