import type { ReactNode } from 'react';

export const pageTitleId = 'page-title';

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1 id={pageTitleId} tabIndex={-1}>
        {title}
      </h1>
      {children ? <div className="page-tools">{children}</div> : null}
    </header>
  );
}
