import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { cameraTree } from '../logic/wall-draft';

/** The drag-and-drop type of a camera dragged from the tree onto a wall tile. */
export const cameraDragType = 'application/x-vigie-camera';

/** Props of the wall's camera tree. */
export interface CameraTreeProps {
  cameras: readonly { id: string; name: string; site?: string | undefined }[];
  /** The tile a click on a camera fills (1-based in what the operator reads). */
  selectedTile: number;
  /** Puts a camera on the selected tile. */
  onPlace: (cameraId: string) => void;
  /** Adds a camera to the selected tile's tour. */
  onAddToTour: (cameraId: string) => void;
}

/**
 * The cameras the operator may see, by site, with a search: drag one onto a tile (Shift while dropping
 * adds it to the tile's tour), or click it to fill the selected tile, or "+" to add it to that tile's tour.
 */
export function CameraTree({ cameras, selectedTile, onPlace, onAddToTour }: CameraTreeProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const branches = cameraTree(cameras, query);
  return (
    <aside className="camera-tree" aria-label={t('wall.tree')}>
      <h3>{t('wall.tree')}</h3>
      <input
        type="search"
        aria-label={t('wall.treeSearch')}
        placeholder={t('wall.treeSearch')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p className="hint">{t('wall.treeHint')}</p>
      {branches.length === 0 && <p className="notice">{t('wall.treeEmpty', { query })}</p>}
      {branches.map((branch) => (
        <details key={branch.site ?? ''} open className="site">
          <summary>{branch.site ?? t('wall.noSite')}</summary>
          <ul>
            {branch.cameras.map((camera) => (
              <li key={camera.id} data-camera-id={camera.id}>
                <button
                  type="button"
                  className="tree-camera"
                  draggable
                  title={t('wall.placeOn', { index: selectedTile })}
                  onDragStart={(e) => {
                    e.dataTransfer.setData(cameraDragType, camera.id);
                    e.dataTransfer.effectAllowed = 'copy';
                  }}
                  onClick={() => onPlace(camera.id)}
                >
                  {camera.name}
                </button>
                <button
                  type="button"
                  className="tree-tour"
                  aria-label={`${t('wall.tourAdd', { index: selectedTile })} : ${camera.name}`}
                  title={t('wall.tourAdd', { index: selectedTile })}
                  onClick={() => onAddToTour(camera.id)}
                >
                  +
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </aside>
  );
}
