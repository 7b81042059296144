import { useEffect, useRef, type ComponentType } from 'react';
import { ApiClientContext } from './api/api-client-context.ts';
import type { ApiClient } from './api/create-api-client.ts';
import type { PageId } from './app/routes.ts';
import { useHashRoute } from './app/useHashRoute.ts';
import { pageTitleId } from './components/PageHeader.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { ConnectionsPage } from './pages/ConnectionsPage.tsx';
import { FlowsPage } from './pages/FlowsPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { OrdersPage } from './pages/OrdersPage.tsx';

const pageComponents: Record<PageId, ComponentType> = {
  orders: OrdersPage,
  inbox: InboxPage,
  flows: FlowsPage,
  connections: ConnectionsPage,
};

export function App({ client }: { client: ApiClient }) {
  const page = useHashRoute();
  const Page = pageComponents[page];
  useFocusTitleOnNavigation(page);

  return (
    <ApiClientContext value={client}>
      <div className="app">
        <Sidebar current={page} />
        <main className="content" aria-labelledby={pageTitleId}>
          <Page key={page} />
        </main>
      </div>
    </ApiClientContext>
  );
}

/** After moving to another page, puts focus on its title, as a screen reader expects. */
function useFocusTitleOnNavigation(page: PageId): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(pageTitleId)?.focus();
  }, [page]);
}
