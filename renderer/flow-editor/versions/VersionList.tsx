import { useTranslation } from 'react-i18next';
import type { FlowVersionDto } from '../../../engine/contract/index.ts';
import { Timestamp } from '../../components/Timestamp.tsx';

interface VersionListProps {
  versions: readonly FlowVersionDto[];
  /** A version with the latest's content has nothing to restore. */
  latestHash: string | null;
  picked: readonly number[];
  onPick: (version: number, on: boolean) => void;
  onRestore: (version: FlowVersionDto) => void;
  onExport: (version: FlowVersionDto) => void;
  busy: boolean;
}

/** Newest first: when, running or not, a short content hash (and which older version it equals). */
export function VersionList({ versions, latestHash, picked, onPick, onRestore, onExport, busy }: VersionListProps) {
  const { t } = useTranslation('versions');
  // The first (oldest) version with each hash: a restored copy says which one it is.
  const firstWithHash = new Map<string, number>();
  for (const v of [...versions].reverse()) if (v.hash && !firstWithHash.has(v.hash)) firstWithHash.set(v.hash, v.version);

  return (
    <ol className="version-list" aria-label={t('list')}>
      {versions.map((v) => {
        const same = firstWithHash.get(v.hash);
        const name = t('version', { version: v.version });
        return (
          <li key={v.version} className={picked.includes(v.version) ? 'version-row is-picked' : 'version-row'} aria-label={name}>
            <input type="checkbox" aria-label={t('pick', { version: v.version })} checked={picked.includes(v.version)} onChange={(e) => onPick(v.version, e.currentTarget.checked)} />
            <div className="version-main">
              <div className="version-line">
                <strong>{name}</strong>
                {v.active ? <span className="fe-chip fe-chip-good">{t('active')}</span> : null}
                {v.latest ? <span className="fe-chip">{t('latest')}</span> : null}
              </div>
              <div className="version-meta">
                <Timestamp iso={v.createdAt} />
                <code title={t('hash', { hash: v.hash })}>#{v.hash.slice(0, 7)}</code>
                <span>{t('steps', { count: v.nodes })}</span>
                {v.runs > 0 ? <span>{t('runs', { count: v.runs })}</span> : null}
                {same !== undefined && same !== v.version ? <span>{t('sameAs', { version: same })}</span> : null}
              </div>
              <div className="version-actions">
                {!v.latest && v.hash !== latestHash ? (
                  <button type="button" className="fe-link" disabled={busy} aria-label={t('restoreVersion', { version: v.version })} onClick={() => onRestore(v)}>
                    {t('restore')}
                  </button>
                ) : null}
                <button type="button" className="fe-link" disabled={busy} aria-label={t('exportVersion', { version: v.version })} onClick={() => onExport(v)}>
                  {t('export')}
                </button>
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
