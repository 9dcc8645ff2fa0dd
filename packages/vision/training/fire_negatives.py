"""Hard negatives for the fire patch classifier: orange and red things that are not fire (train_fire.py).

Two kinds, both from images licensed to ship (the CC BY sources of fire-smoke-images) and seeded:

- `object_squares`: real orange/red/warm-white things cut from a real image away from every fire box
  (grown 20 %): each connected region of warm-coloured pixels (a cone, a jacket, a red car, a sign, a
  lamp, sun on a wall, a firefighter's coat) becomes a square 1.3x its longer side, as the fire rule
  cuts a flickering cluster (fire.classifier.ts `patchSquare`).
  Half of the large ones are cut as a close-up inside the thing instead (what a flickering cluster on
  its edge proposes).
- `recoloured`: a real non-fire patch where a smooth region (a blob, or the pixels of one brightness
  band) takes an orange or red hue while keeping its own shading and texture: folded cloth, a shaded
  balloon, a painted panel at CCTV scale, which the drawn shapes of `synthetic_negative` are not; a
  third are blurred close-ups where the thing fills most of the patch (a zoom on an orange scooter).

No evaluation clip is read here (packages/vision/src/eval reads normal-footage-dev, fall-clips-dev,
furg-fire-house6-a, aboda-video4, overhead-crowd-clip and street-crowd-photos-pointgt).
"""

import numpy as np
from PIL import Image, ImageFilter

GRID = 4  # pixels per cell of the component search


def warm_mask(a):
    """Orange, red and warm-white pixels: the fire cue's colour test and the broader colours that
    trouble it (a saturated red or orange thing, or bright warm light)."""
    r, g, b = (a[..., i].astype(np.int16) for i in range(3))
    cue = (r > 180) & (r >= g) & (g > b) & (r - b > 70)
    saturated = (r > 110) & (r > g + 25) & (r - b > 60)
    light = (r > 215) & (g > 150) & (r - b > 40)
    return cue | saturated | light


def components(mask, min_cells=2):
    """Bounding boxes (x0, y0, x1, y1, cells) of the 8-connected regions of a cell grid."""
    h, w = mask.shape
    seen = np.zeros_like(mask, dtype=bool)
    out = []
    for y in range(h):
        for x in range(w):
            if not mask[y, x] or seen[y, x]:
                continue
            stack = [(y, x)]
            seen[y, x] = True
            x0, y0, x1, y1, n = x, y, x, y, 0
            while stack:
                cy, cx = stack.pop()
                n += 1
                x0, y0, x1, y1 = min(x0, cx), min(y0, cy), max(x1, cx), max(y1, cy)
                for dy in (-1, 0, 1):
                    for dx in (-1, 0, 1):
                        ny, nx = cy + dy, cx + dx
                        if 0 <= ny < h and 0 <= nx < w and mask[ny, nx] and not seen[ny, nx]:
                            seen[ny, nx] = True
                            stack.append((ny, nx))
            if n >= min_cells:
                out.append((x0, y0, x1 + 1, y1 + 1, n))
    return out


def object_squares(rng, img, avoid, limit=6, closeups=True):
    """Squares around warm-coloured regions of `img` that overlap no box of `avoid` (x0, y0, x1, y1);
    `closeups`: half of the large ones cut inside instead."""
    W, H = img.size
    a = np.asarray(img)
    gh, gw = H // GRID, W // GRID
    cells = warm_mask(a[: gh * GRID, : gw * GRID]).reshape(gh, GRID, gw, GRID).mean(axis=(1, 3)) > 0.3
    boxes = []
    for x0, y0, x1, y1, _ in sorted(components(cells), key=lambda c: -c[4]):
        x0, y0, x1, y1 = x0 * GRID, y0 * GRID, x1 * GRID, y1 * GRID
        side = max(24.0 * max(W, H) / 640, 1.3 * max(x1 - x0, y1 - y0)) * rng.uniform(0.9, 1.3)
        side = min(side, W, H)
        if side > 0.6 * min(W, H):  # a whole warm-lit scene, not a thing
            continue
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        inner = 0.6 * min(x1 - x0, y1 - y0)
        if closeups and inner >= 16 and rng.random() < 0.5:  # a close-up inside a large thing: a flickering edge of it
            side = inner * rng.uniform(0.5, 1.0)
            cx, cy = rng.uniform(x0 + side / 2, x1 - side / 2), rng.uniform(y0 + side / 2, y1 - side / 2)
        sx = min(max(0.0, cx - side / 2), W - side)
        sy = min(max(0.0, cy - side / 2), H - side)
        if any(min(sx + side, ox1) > max(sx, ox0) and min(sy + side, oy1) > max(sy, oy0) for ox0, oy0, ox1, oy1 in avoid):
            continue
        boxes.append((sx, sy, side))
        if len(boxes) >= limit:
            break
    return boxes


def smooth_blob(rng, size, below=None):
    """A random smooth region of a size x size patch (boolean mask), leaving out the share `below` of it
    (default 30-80 %)."""
    n = rng.randint(3, 6)
    field = np.array([[rng.random() for _ in range(n)] for _ in range(n)], dtype=np.float32)
    up = np.asarray(Image.fromarray((field * 255).astype(np.uint8)).resize((size, size), Image.BICUBIC), np.float32) / 255
    return up >= np.quantile(up, rng.uniform(0.3, 0.8) if below is None else below)


def recoloured(rng, patch):
    """A real non-fire patch with a region turned orange or red, keeping its shading and texture."""
    a = np.asarray(patch, dtype=np.float32)
    size = a.shape[0]
    lum = a.mean(axis=2)
    closeup = rng.random() < 0.35  # most of the patch is the thing: a zoom on a jacket, a scooter, a balloon
    if closeup:
        mask = smooth_blob(rng, size, rng.uniform(0.0, 0.3))
    elif rng.random() < 0.6:
        mask = smooth_blob(rng, size)
    else:  # one brightness band of the blurred patch: a garment, a wall, a car body of the scene itself
        smooth = np.asarray(patch.filter(ImageFilter.GaussianBlur(2)), np.float32).mean(axis=2)
        lo = np.quantile(smooth, rng.uniform(0.0, 0.5))
        mask = (smooth >= lo) & (smooth <= lo + rng.uniform(40, 110))
    if mask.mean() < 0.1:
        mask = smooth_blob(rng, size)
    hue = np.array([rng.uniform(0.85, 1.0), rng.uniform(0.15, 0.6), rng.uniform(0.0, 0.2)], np.float32)
    shade = lum / max(1.0, float(lum[mask].mean()))
    level = rng.uniform(150, 255)
    colour = np.clip(shade[..., None] * level * hue, 0, 255)
    out = a.copy()
    out[mask] = colour[mask]
    if rng.random() < 0.3:  # a reflective stripe (hi-vis jacket, cone)
        y = rng.randint(size // 4, 3 * size // 4)
        band = np.zeros_like(mask)
        band[y : y + rng.randint(3, 8)] = True
        out[band & mask] = rng.uniform(200, 250)
    img = Image.fromarray(out.astype(np.uint8))
    return img.filter(ImageFilter.GaussianBlur(rng.uniform(1, 3))) if closeup else img
