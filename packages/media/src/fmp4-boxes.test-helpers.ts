// Builders of fragmented MP4 boxes for the unit tests of the live feeds (not part of the build).

/** An MP4 box: its size, its four-letter type, then its payload. */
export function box(type: string, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const out = new Uint8Array(8 + payload.length);
  new DataView(out.buffer).setUint32(0, out.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(payload, 8);
  return out;
}

/** Big-endian 32-bit words, as box fields are written. */
export function words(...values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  values.forEach((v, i) => new DataView(out.buffer).setUint32(i * 4, v));
  return out;
}

/** A box holding other boxes. */
export function nest(type: string, ...children: Uint8Array[]): Uint8Array {
  return box(type, Uint8Array.from(children.flatMap((c) => [...c])));
}
