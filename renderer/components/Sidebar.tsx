import { useTranslation } from 'react-i18next';
import { pageHref, pages, type PageId } from '../app/routes.ts';
import { LinkIndicator } from './LinkIndicator.tsx';
import { LogoMark } from './LogoMark.tsx';

export function Sidebar({ current }: { current: PageId }) {
  const { t } = useTranslation('common');
  const active = current === 'runs' ? 'flows' : current;
  return (
    <aside className="sidebar">
      <div className="brand">
        <LogoMark />
        <span>Flowdesk</span>
      </div>
      <nav aria-label={t('nav.main')}>
        <ul>
          {pages.map((page) => (
            <li key={page.id}>
              <a href={pageHref(page.id)} aria-current={page.id === active ? 'page' : undefined}>
                {t(page.labelKey)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <a className="sidebar-guide" href={pageHref('guide')} aria-current={current === 'guide' ? 'page' : undefined}>
        {t('nav.guide')}
      </a>
      <LinkIndicator />
    </aside>
  );
}
