import { useTranslation } from 'react-i18next';
import type { FlowSummaryDto } from '../../../engine/contract/index.ts';
import { pageHref } from '../../app/routes.ts';
import { Timestamp } from '../../components/Timestamp.tsx';
import { RunStatusBadge } from '../runs/RunStatusBadge.tsx';

export type FlowRowAction = 'rename' | 'duplicate' | 'delete';

interface FlowsTableProps {
  flows: readonly FlowSummaryDto[];
  busy: boolean;
  /** The flow whose switch is being turned, if any. */
  switching: string | null;
  onToggle: (flow: FlowSummaryDto, active: boolean) => void;
  onAction: (flow: FlowSummaryDto, action: FlowRowAction) => void;
}

/** The flows: name (into the editor), on/off, version, last run, and rename / duplicate / delete. */
export function FlowsTable({ flows, busy, switching, onToggle, onAction }: FlowsTableProps) {
  const { t } = useTranslation('flows');
  return (
    <div className="table-wrap">
      <table aria-label={t('table.label')} aria-busy={busy} className="flows-table fe-table">
        <thead>
          <tr>
            <th scope="col">{t('table.name')}</th>
            <th scope="col">{t('table.active')}</th>
            <th scope="col">{t('table.version')}</th>
            <th scope="col">{t('table.lastRun')}</th>
            <th scope="col">{t('table.updated')}</th>
            <th scope="col">
              <span className="fe-sr-only">{t('table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => {
            const active = flow.activeVersion !== null;
            return (
              <tr key={flow.id}>
                <td>
                  <a className="flow-name" href={pageHref('flows', flow.id)}>
                    {flow.name}
                  </a>
                </td>
                <td>
                  <span className="fe-switch">
                    <button
                      type="button"
                      role="switch"
                      aria-checked={active}
                      aria-label={t('table.activeSwitch', { name: flow.name })}
                      disabled={switching === flow.id}
                      onClick={() => onToggle(flow, !active)}
                    >
                      <span className="fe-switch-knob" aria-hidden="true" />
                    </button>
                    <span className="muted">{active ? t('table.on', { version: flow.activeVersion }) : t('table.off')}</span>
                  </span>
                </td>
                <td>v{flow.latestVersion}</td>
                <td>
                  {flow.lastRun ? (
                    <a className="run" href={pageHref('runs', flow.lastRun.id)} aria-label={t('table.openLastRun', { name: flow.name })}>
                      <RunStatusBadge status={flow.lastRun.status} />
                      <Timestamp iso={flow.lastRun.at} />
                    </a>
                  ) : (
                    <span className="muted">{t('table.never')}</span>
                  )}
                </td>
                <td className="nowrap">
                  <Timestamp iso={flow.updatedAt} />
                </td>
                <td className="row-actions">
                  {(['rename', 'duplicate', 'delete'] as const).map((action) => (
                    <button
                      key={action}
                      type="button"
                      className={`fe-link${action === 'delete' ? ' fe-link-danger' : ''}`}
                      aria-label={t(`actions.${action}Flow`, { name: flow.name })}
                      onClick={() => onAction(flow, action)}
                    >
                      {t(`actions.${action}`)}
                    </button>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
