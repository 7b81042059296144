import { PageHeader } from '../components/PageHeader.tsx';

/** Placeholder: being built (issue 4). */
export function SettingsPage() {
  return <PageHeader title="Settings" />;
}
