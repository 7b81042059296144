import { PageHeader } from '../components/PageHeader.tsx';

/** Placeholder: being built (issue 4). */
export function OrderPage({ id }: { id: string }) {
  return <PageHeader title={id} />;
}
