import './side-panel.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CollapseButton } from './layout/CollapseButton.tsx';
import { NodeForm } from './NodeForm.tsx';
import { ProblemList } from './ProblemList.tsx';
import type { SidePanelTab } from './store/editor-state.ts';
import { useFlowEditor } from './store/flow-editor-context.ts';
import { VersionsPanel } from './versions/VersionsPanel.tsx';

/** The side panel's element id, for its collapse button. */
export const sidePanelId = 'flow-side-panel';

/** The selected step's form, and the flow's problems; collapsible to a strip beside the canvas. */
export function SidePanel() {
  const { t } = useTranslation('editor');
  const tab = useFlowEditor((s) => s.tab);
  const setTab = useFlowEditor((s) => s.setTab);
  const count = useFlowEditor((s) => s.problems.length);
  const errors = useFlowEditor((s) => s.problems.filter((p) => p.severity !== 'warning').length);
  const selected = useFlowEditor((s) => {
    const ids = s.nodes.filter((n) => n.selected).map((n) => n.id);
    return ids.length === 1 ? ids[0]! : ids.length;
  });
  const id = useId();
  const open = useFlowEditor((s) => s.panelOpen);
  const setLayout = useFlowEditor((s) => s.setLayout);
  const toggle = (
    <CollapseButton
      side="right"
      open={open}
      label={t('panel.label')}
      hint={open ? t('layout.hidePanel') : t('layout.showPanel')}
      controls={sidePanelId}
      onToggle={() => setLayout('panelOpen', !open)}
    />
  );
  if (!open) {
    return (
      <aside id={sidePanelId} className="side-panel is-collapsed" aria-label={t('panel.label')}>
        {toggle}
      </aside>
    );
  }
  const tabs: { id: SidePanelTab; label: string }[] = [
    { id: 'step', label: t('panel.step') },
    { id: 'problems', label: count > 0 ? t('panel.problemsCount', { count }) : t('panel.problems') },
    { id: 'versions', label: t('versions:tab') },
  ];

  return (
    <aside id={sidePanelId} className="side-panel" aria-label={t('panel.label')}>
      <div className="panel-head">
        {toggle}
        <div className="panel-tabs" role="tablist" aria-label={t('panel.label')}>
        {tabs.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`${id}-${x.id}`}
            aria-selected={tab === x.id}
            aria-controls={`${id}-panel`}
            className={x.id === 'problems' && count > 0 ? (errors > 0 ? 'has-problems' : 'has-warnings') : undefined}
            onClick={() => setTab(x.id)}
          >
            {x.label}
          </button>
        ))}
        </div>
      </div>
      <div className="panel-body" role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`}>
        {tab === 'versions' ? (
          <VersionsPanel />
        ) : tab === 'problems' ? (
          <ProblemList />
        ) : typeof selected === 'string' ? (
          <NodeForm key={selected} nodeId={selected} />
        ) : selected > 1 ? (
          <p className="panel-empty">{t('panel.manySelected', { count: selected })}</p>
        ) : (
          <div className="panel-empty">
            <p>{t('panel.nothingSelected')}</p>
            <p className="muted">{t('panel.keys')}</p>
          </div>
        )}
      </div>
    </aside>
  );
}
