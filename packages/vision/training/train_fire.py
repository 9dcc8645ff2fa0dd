#!/usr/bin/python3
"""Trains Vigie's fire patch classifier on CPU and exports it to ONNX (`npm run train:fire`).

The `fire_smoke` rule's colour/flicker cue proposes image regions; this small network confirms them
(never the cue alone). Input: an RGB patch [N, 3, 64, 64], values 0-1; output: [N, 1], the probability
that the patch shows flames.

Data: ../shared/data/fire-smoke-images (VIGIE_SHARED_DATA or --data). By default only the sources
licensed to ship are read (CC BY 4.0: rf-fire-wrpgm, rf-forest-fire-007s, see the model card written
beside the model). `--internal` adds the internal-testing-only sources (supperjoy-efsdetr, confire) and
hard negatives cut from the street photos (red and orange clothes, signs, cars); such a model is for
internal tests only and is marked so in its card. The clips the evaluation runs on (normal-footage-dev,
furg-fire-house6-a, fall-clips-dev, aboda-video4, overhead-crowd-clip) are never read here.

Patches: fire boxes (loose and tight squares around them, parts of large fires) are positives;
negatives are random squares and squares around flame-coloured pixels (the cue's own colour test) away
from every fire box, in negative and positive images, plus generated hard negatives: orange and red
cones, balloons, jackets and signs drawn on background patches (the false alarms of the colour cue).
Seeded (--seed): the same data give the same model.

Run with Debian's python3-torch: /usr/bin/python3 packages/vision/training/train_fire.py [--out PATH]
(~6 min on 2 shared cores). The product reads the model at VIGIE_FIRE_MODEL (see packages/vision/README.md).
"""

import argparse
import csv
import json
import math
import os
import random
import sys
import time

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFilter
from torch import nn

from fire_negatives import object_squares, recoloured

SIZE = 64
SHIPPABLE = ('rf-fire-wrpgm', 'rf-forest-fire-007s')
INTERNAL = ('supperjoy-efsdetr', 'confire')
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, '..', '..', '..'))


def flame_mask(a):
    """The colour cue of FireSmokeRule (scene.rules.ts): red bright and dominant."""
    r, g, b = (a[..., i].astype(np.int16) for i in range(3))
    return (r > 180) & (r >= g) & (g > b) & (r - b > 70)


def crop(img, box):
    """Square crop (x0, y0, side) in pixels, padded with edge colour when outside, resized to SIZE."""
    x0, y0, s = box
    return img.resize((SIZE, SIZE), Image.BILINEAR, box=(x0, y0, x0 + s, y0 + s), reducing_gap=None)


def overlap(box, others):
    """Largest share of the square `box` covered by one of `others` (x0, y0, x1, y1)."""
    x0, y0, s = box
    best = 0.0
    for ox0, oy0, ox1, oy1 in others:
        w = max(0.0, min(x0 + s, ox1) - max(x0, ox0))
        h = max(0.0, min(y0 + s, oy1) - max(y0, oy0))
        best = max(best, w * h / (s * s))
    return best


def square_around(rng, cx, cy, side, W, H):
    side = max(12.0, min(side, W, H))
    x0 = min(max(0.0, cx - side / 2), W - side)
    y0 = min(max(0.0, cy - side / 2), H - side)
    return (x0, y0, side)


def degrade(rng, patch):
    """Low-resolution and compression look of a CCTV crop (a candidate in a 426 px frame is ~20-60 px)."""
    if rng.random() < 0.7:
        s = rng.randint(10, 40)
        patch = patch.resize((s, s), Image.BILINEAR).resize((SIZE, SIZE), Image.BILINEAR)
    return patch


def read_boxes(path, W, H):
    fire, smoke = [], []
    if not os.path.exists(path):
        return fire, smoke
    for line in open(path):
        p = line.split()
        if len(p) != 5:
            continue
        c, cx, cy, w, h = int(p[0]), *map(float, p[1:])
        b = ((cx - w / 2) * W, (cy - h / 2) * H, (cx + w / 2) * W, (cy + h / 2) * H)
        (fire if c == 0 else smoke).append(b)
    return fire, smoke


def patches_of(rng, img, fire, smoke, train):
    """Positive and negative patches of one image with its fire and smoke boxes (pixels)."""
    W, H = img.size
    pos, neg = [], []
    for x0, y0, x1, y1 in fire:
        w, h = x1 - x0, y1 - y0
        if max(w, h) < 6:
            continue
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        for _ in range(2 if train else 1):
            side = max(w, h) * rng.uniform(1.0, 2.2)
            j = 0.15 * side if train else 0
            pos.append(square_around(rng, cx + rng.uniform(-j, j), cy + rng.uniform(-j, j), side, W, H))
        if train and min(w, h) >= 48:  # part of a large fire: what a flickering cluster may cover
            side = min(w, h) * rng.uniform(0.35, 0.7)
            pos.append(square_around(rng, rng.uniform(x0 + side / 2, x1 - side / 2), rng.uniform(y0 + side / 2, y1 - side / 2), side, W, H))
    grown = [(x0 - 0.2 * (x1 - x0), y0 - 0.2 * (y1 - y0), x1 + 0.2 * (x1 - x0), y1 + 0.2 * (y1 - y0)) for x0, y0, x1, y1 in fire]
    a = np.asarray(img)
    ys, xs = np.nonzero(flame_mask(a))
    want = {'random': 3, 'colour': 5}
    for kind, n in want.items():
        for _ in range(n * 3):
            if n == 0:
                break
            side = min(W, H) * rng.uniform(0.06, 0.4)
            if kind == 'colour':
                if len(xs) == 0:
                    break
                k = rng.randrange(len(xs))
                box = square_around(rng, xs[k] + rng.uniform(-side / 4, side / 4), ys[k] + rng.uniform(-side / 4, side / 4), side, W, H)
            else:
                box = (rng.uniform(0, W - side), rng.uniform(0, H - side), side)
            if overlap(box, grown) > 0.02 or overlap(box, smoke) > 0.5:
                continue
            neg.append(box)
            n -= 1
    return [crop(img, b) for b in pos], [crop(img, b) for b in neg]


def synthetic_negative(rng, background):
    """An orange or red thing that is not fire, drawn on a background patch."""
    img = background.copy()
    d = ImageDraw.Draw(img)
    hue = (rng.randint(200, 255), rng.randint(40, 150), rng.randint(0, 50))
    kind = rng.choice(['cone', 'balloon', 'cloth', 'sign', 'light', 'surface', 'surface'])
    cx, cy, r = rng.uniform(16, 48), rng.uniform(16, 48), rng.uniform(10, 30)
    if kind == 'cone':
        d.polygon([(cx, cy - r), (cx - r * 0.6, cy + r), (cx + r * 0.6, cy + r)], fill=hue)
        for k in range(rng.randint(1, 2)):
            yy = cy - r * 0.2 + k * r * 0.5
            d.rectangle([cx - r * 0.4, yy, cx + r * 0.4, yy + r * 0.18], fill=(235, 235, 230))
    elif kind == 'balloon':
        d.ellipse([cx - r * 0.8, cy - r, cx + r * 0.8, cy + r], fill=hue)
        d.ellipse([cx - r * 0.4, cy - r * 0.7, cx - r * 0.1, cy - r * 0.3], fill=(255, 220, 180))
        d.line([cx, cy + r, cx + rng.uniform(-8, 8), 64], fill=(200, 200, 200))
    elif kind == 'cloth':
        d.rounded_rectangle([cx - r * 0.7, cy - r, cx + r * 0.7, cy + r], radius=r * 0.3, fill=hue)
        d.line([cx, cy - r, cx, cy + r], fill=tuple(max(0, c - 60) for c in hue), width=2)
    elif kind == 'sign':
        d.rectangle([cx - r, cy - r * 0.6, cx + r, cy + r * 0.6], fill=hue)
        d.rectangle([cx - r * 0.7, cy - r * 0.15, cx + r * 0.7, cy + r * 0.15], fill=(250, 250, 250))
    elif kind == 'surface':  # a tight crop of an orange jacket, balloon or car body: shaded, folded, partly hidden
        x0, y0 = rng.uniform(-20, 20), rng.uniform(-20, 20)
        for k in range(rng.randint(3, 7)):
            shade = rng.uniform(0.7, 1.15)
            fill = tuple(min(255, int(c * shade)) for c in hue)
            d.ellipse([x0 + rng.uniform(-10, 50), y0 + rng.uniform(-10, 50), x0 + rng.uniform(40, 100), y0 + rng.uniform(40, 100)], fill=fill)
        if rng.random() < 0.5:
            d.line([rng.uniform(0, 64), 0, rng.uniform(0, 64), 64], fill=tuple(max(0, c - 70) for c in hue), width=rng.randint(1, 4))
        if rng.random() < 0.4:
            x, y, s = rng.uniform(10, 54), rng.uniform(10, 54), rng.uniform(3, 10)
            d.ellipse([x - s, y - s, x + s, y + s], fill=(255, 230, 200))
    else:
        for _ in range(rng.randint(1, 4)):
            x, y, s = rng.uniform(4, 60), rng.uniform(4, 60), rng.uniform(2, 8)
            d.ellipse([x - s, y - s, x + s, y + s], fill=(255, rng.randint(120, 200), rng.randint(40, 120)))
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0, 3)))
    return degrade(rng, img)


def hard_negative_images(data, rng):
    """Internal only: squares around red/orange pixels of the street photos (not an evaluation clip of fire)."""
    folder = os.path.join(os.path.dirname(data), 'street-crowd-photos-pointgt', 'images')
    out = []
    if not os.path.isdir(folder):
        return out
    for name in sorted(os.listdir(folder)):
        img = Image.open(os.path.join(folder, name)).convert('RGB')
        img.thumbnail((640, 640))
        _, neg = patches_of(rng, img, [], [], True)
        out += neg
    return out


class FirePatchNet(nn.Module):
    """Four 3x3 conv blocks (16-24-48-64 channels), global average pooling, one logit."""

    def __init__(self):
        super().__init__()

        def block(i, o, stride=1, pool=True):
            layers = [nn.Conv2d(i, o, 3, stride, 1, bias=False), nn.BatchNorm2d(o), nn.ReLU(inplace=True)]
            return layers + ([nn.MaxPool2d(2)] if pool else [])

        self.features = nn.Sequential(
            *block(3, 16, stride=2, pool=False), *block(16, 24), *block(24, 48), *block(48, 64, pool=False)
        )
        self.head = nn.Linear(64, 1)

    def forward(self, x):
        return self.head(self.features(x).mean(dim=(2, 3)))


class Exported(nn.Module):
    """The network with its sigmoid: the ONNX file outputs probabilities."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return torch.sigmoid(self.net(x))


def to_array(patches):
    return np.stack([np.asarray(p, dtype=np.uint8) for p in patches]) if patches else np.zeros((0, SIZE, SIZE, 3), np.uint8)


def build(args, rng):
    rows = list(csv.DictReader(open(os.path.join(args.data, 'index.csv'))))
    sources = SHIPPABLE + (INTERNAL if args.internal else ())
    sets = {s: {'pos': [], 'neg': []} for s in ('train', 'val')}
    backgrounds = []
    n_objects = 0
    for row in rows:
        if row['source'] not in sources:
            continue
        split = row['split']
        img = Image.open(os.path.join(args.data, row['file'])).convert('RGB')
        W, H = img.size
        if row['kind'] == 'cls':
            side = min(W, H)
            small = degrade(rng, crop(img, ((W - side) / 2, (H - side) / 2, side)))
            sets[split]['pos' if row['label'] == 'fire' else 'neg'].append(small)
            continue
        fire, smoke = read_boxes(os.path.join(args.data, row['file'][:-4] + '.txt'), W, H)
        pos, neg = patches_of(rng, img, fire, smoke, split == 'train')
        grown = [(x0 - 0.2 * (x1 - x0), y0 - 0.2 * (y1 - y0), x1 + 0.2 * (x1 - x0), y1 + 0.2 * (y1 - y0)) for x0, y0, x1, y1 in fire]
        things = [crop(img, b) for b in object_squares(rng, img, grown + smoke)] if args.hard else []
        n_objects += len(things) if split == 'train' else 0
        if split == 'train':
            pos = [degrade(rng, p) for p in pos]
            neg = [degrade(rng, p) for p in neg]
            things = [degrade(rng, p) for p in things]
            backgrounds += neg[:2]
        sets[split]['pos'] += pos
        sets[split]['neg'] += neg + things
    synthetic = [synthetic_negative(rng, rng.choice(backgrounds)) for _ in range(args.synthetic)]
    synthetic += [degrade(rng, recoloured(rng, rng.choice(backgrounds))) for _ in range(args.recoloured)]
    sets['train']['neg'] += synthetic
    if args.internal:
        sets['train']['neg'] += hard_negative_images(args.data, rng)
    out = {}
    for s, d in sets.items():
        x = np.concatenate([to_array(d['pos']), to_array(d['neg'])])
        y = np.concatenate([np.ones(len(d['pos']), np.float32), np.zeros(len(d['neg']), np.float32)])
        out[s] = (x, y)
    return out, {'generated': args.synthetic, 'recoloured': args.recoloured, 'objects': n_objects}


def tensor(x):
    return torch.from_numpy(x).permute(0, 3, 1, 2).float().div_(255.0)


def augment(xb, gen, tint_range, blur_share):
    """Per patch: horizontal flips, brightness/contrast jitter, a colour-balance jitter (each channel
    x(1 +- tint_range): orange stays orange, a camera's white balance varies) and, on `blur_share` of
    them, a 3x3 blur. With neither, the generator is drawn as before they existed."""
    n = xb.shape[0]
    flip = torch.rand(n, generator=gen) < 0.5
    xb[flip] = xb[flip].flip(3)
    gain = 0.75 + 0.5 * torch.rand(n, 1, 1, 1, generator=gen)
    if tint_range > 0:
        gain = gain * (1 - tint_range + 2 * tint_range * torch.rand(n, 3, 1, 1, generator=gen))
    bias = 0.1 * (torch.rand(n, 1, 1, 1, generator=gen) - 0.5)
    xb = xb * gain + bias
    if blur_share <= 0:
        return xb.clamp_(0, 1)
    blur = torch.rand(n, generator=gen) < blur_share
    if blur.any():
        k = torch.tensor([1.0, 2.0, 1.0])
        k = (k[:, None] * k[None, :] / 16).expand(3, 1, 3, 3)
        xb[blur] = nn.functional.conv2d(nn.functional.pad(xb[blur], (1, 1, 1, 1), mode='replicate'), k, groups=3)
    return xb.clamp_(0, 1)


def scores(net, x):
    net.eval()
    with torch.no_grad():
        return torch.cat([torch.sigmoid(net(tensor(x[i : i + 512]))) for i in range(0, len(x), 512)]).squeeze(1).numpy()


def metrics(p, y, threshold):
    pred = p >= threshold
    tp = int((pred & (y == 1)).sum())
    fp = int((pred & (y == 0)).sum())
    fn = int((~pred & (y == 1)).sum())
    tn = int((~pred & (y == 0)).sum())
    return {
        'threshold': threshold,
        'accuracy': (tp + tn) / max(1, len(y)),
        'precision': tp / max(1, tp + fp),
        'recall': tp / max(1, tp + fn),
        'tp': tp, 'fp': fp, 'fn': fn, 'tn': tn,
    }


def main():
    default_data = os.path.join(os.environ.get('VIGIE_SHARED_DATA', os.path.join(REPO, '..', 'shared', 'data')), 'fire-smoke-images')
    default_out = os.path.join(REPO, 'packages', 'vision', 'models', 'fire_patch.onnx')
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=default_data)
    ap.add_argument('--out', default=default_out, help='ONNX file written, its card beside it (default: packages/vision/models/fire_patch.onnx)')
    ap.add_argument('--internal', action='store_true', help='also train on internal-testing-only sources (model not shippable)')
    ap.add_argument('--epochs', type=int, default=8)
    ap.add_argument('--hard', action='store_true', help='issue 12 hard negatives and augmentation (fire_negatives.py): not the shipped model, see models/README.md')
    ap.add_argument('--synthetic', type=int, help='drawn orange/red things (cones, balloons, jackets, signs); default 4000, 2500 with --hard')
    ap.add_argument('--recoloured', type=int, help='real non-fire patches with a region turned orange/red; default 0, 3000 with --hard')
    ap.add_argument('--tint', type=float, help='colour-balance jitter per channel (0.08: x0.92-1.08); default 0, 0.08 with --hard')
    ap.add_argument('--blur', type=float, help='share of training patches blurred; default 0, 0.33 with --hard')
    ap.add_argument('--seed', type=int, default=1234)
    ap.add_argument('--threads', type=int, default=1, help='CPU threads (1: the same model on every run)')
    args = ap.parse_args()
    for name, plain, hard in (('synthetic', 4000, 2500), ('recoloured', 0, 3000), ('tint', 0.0, 0.08), ('blur', 0.0, 0.33)):
        if getattr(args, name) is None:
            setattr(args, name, hard if args.hard else plain)
    if not os.path.exists(os.path.join(args.data, 'index.csv')):
        sys.exit(f'fire-smoke-images not found at {args.data} (set VIGIE_SHARED_DATA or --data).')
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t0 = time.time()
    data, hard = build(args, rng)
    (xt, yt), (xv, yv) = data['train'], data['val']
    print(f'patches: train {len(yt)} ({int(yt.sum())} fire, hard negatives {hard}), val {len(yv)} ({int(yv.sum())} fire); {time.time() - t0:.0f} s', flush=True)

    net = FirePatchNet()
    gen = torch.Generator().manual_seed(args.seed)
    opt = torch.optim.AdamW(net.parameters(), lr=3e-3, weight_decay=1e-4)
    steps = args.epochs * math.ceil(len(yt) / 128)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps)
    pos_weight = torch.tensor([(len(yt) - yt.sum()) / max(1, yt.sum())])
    loss_fn = nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    for epoch in range(args.epochs):
        net.train()
        order = torch.randperm(len(yt), generator=gen).numpy()
        total = 0.0
        for i in range(0, len(order), 128):
            idx = order[i : i + 128]
            xb = augment(tensor(xt[idx]), gen, args.tint, args.blur)
            yb = torch.from_numpy(yt[idx]).unsqueeze(1)
            opt.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            opt.step()
            sched.step()
            total += loss.item() * len(idx)
        m = metrics(scores(net, xv), yv, 0.5)
        print(f'epoch {epoch + 1}/{args.epochs}: loss {total / len(yt):.4f}, val acc {m["accuracy"]:.3f} prec {m["precision"]:.3f} rec {m["recall"]:.3f}; {time.time() - t0:.0f} s', flush=True)

    pv = scores(net, xv)
    report = {
        'val': {f'{t}': metrics(pv, yv, t) for t in (0.5, 0.7, 0.9)},
        'train_patches': int(len(yt)), 'train_fire': int(yt.sum()), 'hard_negatives': hard,
        'val_patches': int(len(yv)), 'val_fire': int(yv.sum()),
        'sources': list(SHIPPABLE + (INTERNAL if args.internal else ())) + (['street-crowd-photos-pointgt (hard negatives)'] if args.internal else []),
        'shippable': not args.internal, 'seed': args.seed, 'epochs': args.epochs, 'hard': args.hard, 'tint': args.tint, 'blur': args.blur, 'input': [1, 3, SIZE, SIZE],
        'parameters': sum(p.numel() for p in net.parameters()), 'train_seconds': round(time.time() - t0),
    }
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    exported = Exported(net).eval()
    torch.onnx.export(
        exported, torch.zeros(1, 3, SIZE, SIZE), args.out, input_names=['patches'], output_names=['fire'],
        dynamic_axes={'patches': {0: 'n'}, 'fire': {0: 'n'}}, opset_version=13,
    )
    licence = (
        'CC BY 4.0 training data: Roboflow Universe custom-thxhn/fire-wrpgm v8 and 007s-hangar/forest-fire-tyoo7-ofbho, '
        'as redistributed by Abonia1/YOLOv8-Fire-and-Smoke-Detection and BIPLABMAHAPATRA1951/forest_fire_detection_. '
        'Attribution required.'
        if not args.internal
        else 'INTERNAL TESTING ONLY: trained on sources with no usable licence (supperjoy-efsdetr, confire, street photos). Do not ship.'
    )
    card = {'model': os.path.basename(args.out), 'licence': licence, **report}
    with open(os.path.splitext(args.out)[0] + '.json', 'w') as f:
        json.dump(card, f, indent=2)
    print(json.dumps(report['val'], indent=1))
    print(f'wrote {args.out} ({os.path.getsize(args.out)} bytes) and its card {os.path.splitext(args.out)[0]}.json')


if __name__ == '__main__':
    main()
