import { useEffect, useRef, type ComponentType } from 'react';
import { ApiClientContext } from './api/api-client-context.ts';
import type { ApiClient } from './api/create-api-client.ts';
import type { PageId, Route } from './app/routes.ts';
import { useHashRoute } from './app/useHashRoute.ts';
import { pageTitleId } from './components/PageHeader.tsx';
import { Sidebar } from './components/Sidebar.tsx';
import { ConnectionsPage } from './pages/ConnectionsPage.tsx';
import { FlowEditorPage } from './pages/FlowEditorPage.tsx';
import { FlowsPage } from './pages/FlowsPage.tsx';
import { InboxPage } from './pages/InboxPage.tsx';
import { OrderPage } from './pages/OrderPage.tsx';
import { OrdersPage } from './pages/OrdersPage.tsx';
import { CustomersPage } from './customers/CustomersPage.tsx';
import { CustomerPage } from './customers/CustomerPage.tsx';
import { RunPage } from './pages/RunPage.tsx';
import { SettingsPage } from './pages/SettingsPage.tsx';
import { GuidePage } from './onboarding/GuidePage.tsx';

/** The page for a list address (`#/flows`), and for an item address (`#/flows/<id>`). */
const listPages: Record<PageId, ComponentType> = {
  orders: OrdersPage,
  customers: CustomersPage,
  inbox: InboxPage,
  flows: FlowsPage,
  connections: ConnectionsPage,
  settings: SettingsPage,
  runs: FlowsPage,
  guide: GuidePage,
};
const itemPages: Partial<Record<PageId, ComponentType<{ id: string }>>> = {
  flows: FlowEditorPage,
  orders: OrderPage,
  customers: CustomerPage,
  runs: RunPage,
};

export function App({ client }: { client: ApiClient }) {
  const route = useHashRoute();
  useFocusTitleOnNavigation(route);
  const Item = route.id ? itemPages[route.page] : undefined;
  const List = listPages[route.page];

  return (
    <ApiClientContext value={client}>
      <div className="app">
        <Sidebar current={route.page} />
        <main className="content" aria-labelledby={pageTitleId}>
          {Item && route.id ? <Item key={`${route.page}/${route.id}`} id={route.id} /> : <List key={route.page} />}
        </main>
      </div>
    </ApiClientContext>
  );
}

/** After moving to another page, puts focus on its title, as a screen reader expects. */
function useFocusTitleOnNavigation(route: Route): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.getElementById(pageTitleId)?.focus();
  }, [route.page, route.id]);
}
