import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { Camera } from '../api/client';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages';
import { calibrationOf, groundCorners, sidesOf } from '../logic/ground-calibration';
import { freshId, isClosable, nudge, pointerPoint, type Point } from '../logic/image-geometry';

/** What is drawn over a camera image: analytics zones, counting lines, privacy masks and the ground calibration. */
export type Geometry = Pick<Camera, 'zones' | 'masks' | 'lines' | 'calibration'>;

/** A kind of shape the editor lists by name. */
export type ShapeKind = 'mask' | 'zone' | 'line';

/** What a click on the image draws: a listed shape, or the ground rectangle of the calibration. */
type Tool = ShapeKind | 'ground';

const kinds: readonly ShapeKind[] = ['mask', 'zone', 'line'];
const tools: readonly Tool[] = [...kinds, 'ground'];
const field = { mask: 'masks', zone: 'zones', line: 'lines' } as const;
const width = 1600;
const height = 900;

interface Selected {
  kind: Tool;
  id: string;
}

function pointsOf(geometry: Geometry, selected: Selected): Point[] {
  if (selected.kind === 'ground') return geometry.calibration?.image ?? [];
  if (selected.kind === 'line') {
    const line = geometry.lines.find((l) => l.id === selected.id);
    return line === undefined ? [] : [line.a, line.b];
  }
  return geometry[field[selected.kind]].find((s) => s.id === selected.id)?.polygon ?? [];
}

function withPoints(geometry: Geometry, selected: Selected, points: Point[]): Geometry {
  switch (selected.kind) {
    case 'ground':
      return geometry.calibration == null
        ? geometry
        : { ...geometry, calibration: { ...geometry.calibration, image: points } };
    case 'line':
      return {
        ...geometry,
        lines: geometry.lines.map((l) =>
          l.id === selected.id ? { ...l, a: points[0] ?? l.a, b: points[1] ?? l.b } : l,
        ),
      };
    case 'mask':
      return { ...geometry, masks: geometry.masks.map((m) => (m.id === selected.id ? { ...m, polygon: points } : m)) };
    case 'zone':
      return { ...geometry, zones: geometry.zones.map((z) => (z.id === selected.id ? { ...z, polygon: points } : z)) };
  }
}

const svgPoints = (points: readonly Point[]) => points.map((p) => `${p.x * width},${p.y * height}`).join(' ');

/** Props of the geometry editor. */
export interface GeometryEditorProps {
  /** The camera image to draw on (its snapshot); a neutral grid replaces it when it cannot be loaded. */
  imageUrl: string;
  value: Geometry;
  onChange: (next: Geometry) => void;
  /** Only privacy masks are drawn (e.g. a PTZ preset's): no zone, line or ground calibration. */
  masksOnly?: boolean;
}

/**
 * Draws privacy masks, analytics zones (polygons), counting lines and the ground calibration (a rectangle
 * on the ground: four corners clicked in order, and its two side lengths in metres) over a camera image,
 * in normalised coordinates. Click to add points, "finish" to close a polygon; a selected shape's points
 * can be dragged, or moved with the arrow keys, and removed with Delete.
 */
export function GeometryEditor({ imageUrl, value, onChange, masksOnly = false }: GeometryEditorProps) {
  const { t } = useI18n();
  const svg = useRef<SVGSVGElement>(null);
  const [tool, setTool] = useState<Tool>('mask');
  const stored = value.calibration == null ? undefined : sidesOf(value.calibration);
  const [sides, setSides] = useState({ widthM: stored?.widthM ?? Number.NaN, depthM: stored?.depthM ?? Number.NaN });
  const [drawing, setDrawing] = useState<Point[]>([]);
  const [selected, setSelected] = useState<Selected | undefined>(undefined);
  const [dragging, setDragging] = useState<number | undefined>(undefined);
  const [imageFailed, setImageFailed] = useState(false);

  const all = [...value.zones, ...value.masks, ...value.lines];
  const at = (event: PointerEvent) =>
    pointerPoint(event, svg.current?.getBoundingClientRect() ?? new DOMRect(0, 0, 1, 1));

  function add(kind: ShapeKind, points: Point[]): void {
    const id = freshId(kind, all);
    const n = value[field[kind]].length + 1;
    const name = t(`geometry.new.${kind}` as MessageKey, { n });
    const [a, b] = points;
    if (kind === 'line' && (a === undefined || b === undefined)) return;
    const next: Geometry =
      kind === 'line' && a !== undefined && b !== undefined
        ? { ...value, lines: [...value.lines, { id, name, a, b }] }
        : kind === 'mask'
          ? { ...value, masks: [...value.masks, { id, label: name, polygon: points }] }
          : { ...value, zones: [...value.zones, { id, name, polygon: points }] };
    onChange(next);
    setDrawing([]);
    setSelected({ kind, id });
  }

  /** The ground rectangle's corners or sides changed: the calibration follows once both are complete. */
  function calibrate(corners: Point[], next: { widthM: number; depthM: number }): void {
    setSides(next);
    const calibration = calibrationOf({ corners, ...next });
    if (calibration !== undefined) onChange({ ...value, calibration });
  }

  function onCanvasDown(event: PointerEvent<SVGSVGElement>): void {
    const point = at(event);
    const next = [...drawing, point];
    if (tool === 'line' && next.length === 2) add('line', next);
    else if (tool === 'ground' && next.length === groundCorners) {
      setDrawing([]);
      calibrate(next, sides);
      setSelected({ kind: 'ground', id: 'ground' });
    } else setDrawing(next);
  }

  function onMove(event: PointerEvent<SVGSVGElement>): void {
    if (dragging === undefined || selected === undefined) return;
    const points = [...pointsOf(value, selected)];
    points[dragging] = at(event);
    onChange(withPoints(value, selected, points));
  }

  function onHandleKey(event: KeyboardEvent, index: number): void {
    if (selected === undefined) return;
    const step = event.shiftKey ? 0.02 : 0.005;
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const points = [...pointsOf(value, selected)];
    const move = moves[event.key];
    if (move !== undefined && points[index] !== undefined) {
      points[index] = nudge(points[index], move[0], move[1]);
      onChange(withPoints(value, selected, points));
      event.preventDefault();
    } else if ((event.key === 'Delete' || event.key === 'Backspace') && selected.kind !== 'line' && points.length > 3) {
      onChange(
        withPoints(
          value,
          selected,
          points.filter((_, i) => i !== index),
        ),
      );
      event.preventDefault();
    }
  }

  function remove(kind: ShapeKind, id: string): void {
    onChange({ ...value, [field[kind]]: value[field[kind]].filter((s) => s.id !== id) });
    if (selected?.id === id) setSelected(undefined);
  }

  function rename(kind: ShapeKind, id: string, name: string): void {
    if (kind === 'mask')
      onChange({ ...value, masks: value.masks.map((m) => (m.id === id ? { ...m, label: name } : m)) });
    else if (kind === 'zone') onChange({ ...value, zones: value.zones.map((z) => (z.id === id ? { ...z, name } : z)) });
    else onChange({ ...value, lines: value.lines.map((l) => (l.id === id ? { ...l, name } : l)) });
  }

  const handles = selected === undefined ? [] : pointsOf(value, selected);
  const shapeName = (shape: { id: string; name?: string; label?: string }) => shape.name ?? shape.label ?? shape.id;

  return (
    <div className="geometry-editor">
      <div className="toolbar" role="toolbar" aria-label={t('geometry.toolbar')}>
        <fieldset>
          <legend>{t('geometry.tool')}</legend>
          {(masksOnly ? ['mask' as const] : tools).map((kind) => (
            <label key={kind} className={`tool tool-${kind}`}>
              <input
                type="radio"
                name="geometry-tool"
                checked={tool === kind}
                onChange={() => {
                  setTool(kind);
                  setDrawing([]);
                }}
              />
              {t(`geometry.kind.${kind}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          disabled={tool === 'line' || tool === 'ground' || !isClosable(drawing)}
          onClick={() => tool !== 'ground' && add(tool, drawing)}
        >
          {t('geometry.finish')}
        </button>
        <button type="button" disabled={drawing.length === 0} onClick={() => setDrawing([])}>
          {t('geometry.cancel')}
        </button>
        <span className="hint" aria-live="polite">
          {drawing.length === 0
            ? t(`geometry.hint.${tool}` as MessageKey)
            : t('geometry.points', { count: drawing.length })}
        </span>
      </div>
      <div className="canvas-frame">
        {imageFailed ? (
          <div className="placeholder" role="img" aria-label={t('geometry.noImage')}>
            <span>{t('geometry.noImage')}</span>
          </div>
        ) : (
          <img src={imageUrl} alt={t('geometry.image')} onError={() => setImageFailed(true)} />
        )}
        <svg
          ref={svg}
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="overlay"
          data-testid="geometry-canvas"
          onPointerDown={onCanvasDown}
          onPointerMove={onMove}
          onPointerUp={() => setDragging(undefined)}
          onKeyDown={(e) => e.key === 'Escape' && setDrawing([])}
        >
          {value.zones.map((z) => (
            <polygon key={z.id} className="shape zone" points={svgPoints(z.polygon)} />
          ))}
          {value.masks.map((m) => (
            <polygon key={m.id} className="shape mask" points={svgPoints(m.polygon)} />
          ))}
          {value.lines.map((l) => (
            <g key={l.id} className="shape line">
              <line x1={l.a.x * width} y1={l.a.y * height} x2={l.b.x * width} y2={l.b.y * height} />
              <text x={l.a.x * width} y={l.a.y * height - 14}>
                A
              </text>
              <text x={l.b.x * width} y={l.b.y * height - 14}>
                B
              </text>
            </g>
          ))}
          {value.calibration != null && (
            <g className="shape ground">
              <polygon points={svgPoints(value.calibration.image)} />
              {value.calibration.image.map((p, i) => (
                <text key={i} x={p.x * width} y={p.y * height - 14}>
                  {i + 1}
                </text>
              ))}
            </g>
          )}
          {drawing.length > 0 && <polyline className="drawing" points={svgPoints(drawing)} />}
          {drawing.map((p, i) => (
            <circle key={i} className="drawing-point" cx={p.x * width} cy={p.y * height} r={9} />
          ))}
          {handles.map((p, i) => (
            <circle
              key={i}
              className="handle"
              cx={p.x * width}
              cy={p.y * height}
              r={14}
              tabIndex={0}
              role="button"
              aria-label={t('geometry.handle', { n: i + 1 })}
              onPointerDown={(e) => {
                e.stopPropagation();
                svg.current?.setPointerCapture(e.pointerId);
                setDragging(i);
              }}
              onKeyDown={(e) => onHandleKey(e, i)}
            />
          ))}
        </svg>
      </div>
      {!masksOnly && (
        <section className="calibration" aria-label={t('geometry.list.ground')}>
          <h4>{t('geometry.list.ground')}</h4>
          <p className="hint">{value.calibration == null ? t('geometry.ground.none') : t('geometry.ground.set')}</p>
          {(['widthM', 'depthM'] as const).map((side) => (
            <label key={side}>
              {t(`geometry.ground.${side}` as MessageKey)}
              <input
                type="number"
                min={0.1}
                max={1000}
                step={0.1}
                value={Number.isNaN(sides[side]) ? '' : sides[side]}
                onChange={(e) =>
                  calibrate(value.calibration?.image ?? [], { ...sides, [side]: e.target.valueAsNumber })
                }
              />
            </label>
          ))}
          {value.calibration != null && (
            <>
              <button type="button" onClick={() => setSelected({ kind: 'ground', id: 'ground' })}>
                {t('geometry.select')}
              </button>
              <button
                type="button"
                onClick={() => {
                  onChange({ ...value, calibration: null });
                  if (selected?.kind === 'ground') setSelected(undefined);
                }}
              >
                {t('geometry.remove')}
              </button>
            </>
          )}
        </section>
      )}
      <div className="shape-lists">
        {(masksOnly ? ['mask' as const] : kinds).map((kind) => (
          <section key={kind} aria-label={t(`geometry.list.${kind}` as MessageKey)}>
            <h4>
              {t(`geometry.list.${kind}` as MessageKey)} ({value[field[kind]].length})
            </h4>
            <ul>
              {value[field[kind]].map((shape) => (
                <li
                  key={shape.id}
                  className={selected?.id === shape.id ? 'selected' : undefined}
                  data-shape-id={shape.id}
                >
                  <input
                    aria-label={t('geometry.name')}
                    value={shapeName(shape)}
                    maxLength={100}
                    onChange={(e) => rename(kind, shape.id, e.target.value)}
                  />
                  <button type="button" onClick={() => setSelected({ kind, id: shape.id })}>
                    {t('geometry.select')}
                  </button>
                  <button type="button" onClick={() => remove(kind, shape.id)}>
                    {t('geometry.remove')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
