#!/usr/bin/python3
"""Builds the patch sets the fire patch classifier is measured on (`score_fire.mjs` scores them).

Measurement only: nothing here is trained on, and the files are written outside the project
(default /tmp/vigie-fire-sets: patches.u8 = N x 64 x 64 x 3 RGB bytes, patches.json = one
{set, label} per patch). Seeded: the same data give the same sets.

Sets (label 1 = flames):
- val-fire, val-other: the val split of the shippable sources (fire boxes; random and flame-coloured
  squares away from them), as train_fire.py cuts them, and val-things: its warm-coloured things.
- held-*: internal-testing-only sources the shipped model never sees: confire indoor photos
  (fire / neutral, whole and their warm things), supperjoy negatives' warm things and fire boxes.
- eval-furg-flames: FURG house6 fire boxes, every 15th frame (the evaluation's fire clip, 426 px).
- eval-normal-<clip>: warm-coloured things in the normal footage (balloons, jackets, motorbikes, red
  cars, sun), one frame a second at min(640, native) px, as the evaluation analyses it.
The eval-* sets are the clips `npm run eval` runs on: measured here, never trained on.

Run: /usr/bin/python3 packages/vision/training/fire_sets.py [--out DIR]
"""

import argparse
import csv
import json
import os
import random
import subprocess
import sys

import numpy as np
from PIL import Image

from fire_negatives import object_squares
from train_fire import REPO, crop, patches_of, read_boxes


def frames(path, fps, width):
    """RGB frames of a clip at `fps`, `width` px wide (ffmpeg)."""
    probe = subprocess.run(
        ['ffprobe', '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path],
        capture_output=True, text=True, check=True,
    ).stdout.split(',')
    w0, h0 = int(probe[0]), int(probe[1])
    w = min(width, w0)
    h = round(h0 * w / w0 / 2) * 2
    raw = subprocess.run(
        ['ffmpeg', '-v', 'error', '-i', path, '-vf', f'fps={fps},scale={w}:{h}', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
        capture_output=True, check=True,
    ).stdout
    n = len(raw) // (w * h * 3)
    return [Image.fromarray(np.frombuffer(raw, np.uint8, w * h * 3, i * w * h * 3).reshape(h, w, 3)) for i in range(n)]


def main():
    shared = os.environ.get('VIGIE_SHARED_DATA', os.path.join(REPO, '..', 'shared', 'data'))
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=shared)
    ap.add_argument('--out', default='/tmp/vigie-fire-sets')
    ap.add_argument('--seed', type=int, default=4321)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    images = os.path.join(args.data, 'fire-smoke-images')
    if not os.path.exists(os.path.join(images, 'index.csv')):
        sys.exit(f'fire-smoke-images not found under {args.data} (set VIGIE_SHARED_DATA or --data).')
    patches, meta = [], []

    def add(name, label, ps):
        patches.extend(np.asarray(p, np.uint8) for p in ps)
        meta.extend({'set': name, 'label': label} for _ in ps)

    for row in csv.DictReader(open(os.path.join(images, 'index.csv'))):
        img = Image.open(os.path.join(images, row['file'])).convert('RGB')
        W, H = img.size
        src, split = row['source'], row['split']
        if row['kind'] == 'cls':  # confire: internal only, never in the shipped model
            side = min(W, H)
            whole = crop(img, ((W - side) / 2, (H - side) / 2, side))
            if row['label'] == 'fire':
                add('held-confire-fire', 1, [whole])
            else:
                add('held-confire-neutral', 0, [whole])
                add('held-confire-things', 0, [crop(img, b) for b in object_squares(rng, img, [], closeups=False)])
            continue
        fire, smoke = read_boxes(os.path.join(images, row['file'][:-4] + '.txt'), W, H)
        grown = [(x0 - 0.2 * (x1 - x0), y0 - 0.2 * (y1 - y0), x1 + 0.2 * (x1 - x0), y1 + 0.2 * (y1 - y0)) for x0, y0, x1, y1 in fire]
        if src == 'supperjoy-efsdetr':
            pos, _ = patches_of(rng, img, fire, smoke, False)
            add('held-supperjoy-fire', 1, pos)
            if not fire and not smoke:
                add('held-supperjoy-things', 0, [crop(img, b) for b in object_squares(rng, img, [], closeups=False)])
            continue
        if src == 'confire' or split != 'val':
            continue
        pos, neg = patches_of(rng, img, fire, smoke, False)
        add('val-fire', 1, pos)
        add('val-other', 0, neg)
        add('val-things', 0, [crop(img, b) for b in object_squares(rng, img, grown + smoke, closeups=False)])

    furg = os.path.join(args.data, 'furg-fire-house6-a')
    if os.path.exists(os.path.join(furg, 'house6_part_a_gt.json')):
        truth = json.load(open(os.path.join(furg, 'house6_part_a_gt.json')))
        clip = frames(os.path.join(furg, 'house6_part_a.mp4'), truth['fps'], 426)
        for i in range(0, len(clip), 15):
            boxes = truth['frames'].get(str(i), [])
            squares = []
            for x, y, w, h in boxes:  # fire.classifier.ts patchSquare: 1.3x the longer side, >= 24 px
                side = min(426, 240, max(24, 1.3 * max(w, h)))
                cx, cy = x + w / 2, y + h / 2
                squares.append((min(max(0, cx - side / 2), 426 - side), min(max(0, cy - side / 2), 240 - side), side))
            add('eval-furg-flames', 1, [crop(clip[i], s) for s in squares])
    normal = os.path.join(args.data, 'normal-footage-dev')
    if os.path.exists(os.path.join(normal, 'annotations.json')):
        for a in json.load(open(os.path.join(normal, 'annotations.json'))):
            name = 'eval-normal-' + a['file'].split('_')[0]
            for f in frames(os.path.join(normal, a['file']), 1, 640):
                add(name, 0, [crop(f, b) for b in object_squares(rng, f, [], limit=4, closeups=False)])

    os.makedirs(args.out, exist_ok=True)
    np.stack(patches).tofile(os.path.join(args.out, 'patches.u8'))
    json.dump(meta, open(os.path.join(args.out, 'patches.json'), 'w'))
    counts = {}
    for m in meta:
        counts[m['set']] = counts.get(m['set'], 0) + 1
    print(json.dumps(counts, indent=1))
    print(f'wrote {len(meta)} patches to {args.out}')


if __name__ == '__main__':
    main()
