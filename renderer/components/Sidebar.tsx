import { pageHref, pages, type PageId } from '../app/routes.ts';
import { LinkIndicator } from './LinkIndicator.tsx';
import { LogoMark } from './LogoMark.tsx';

export function Sidebar({ current }: { current: PageId }) {
  return (
    <aside className="sidebar">
      <div className="brand">
        <LogoMark />
        <span>Flowdesk</span>
      </div>
      <nav aria-label="Main">
        <ul>
          {pages.map((page) => (
            <li key={page.id}>
              <a href={pageHref(page.id)} aria-current={page.id === current ? 'page' : undefined}>
                {page.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <LinkIndicator />
    </aside>
  );
}
