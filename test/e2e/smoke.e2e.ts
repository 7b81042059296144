import { expect, test } from './fixtures.ts';
import { AppShell } from './pages/app-shell.ts';

test('the editor opens from the URL serve prints, keeps the token out of the address, and links to every page', async ({ page, flowdesk }) => {
  const shell = new AppShell(page);
  await shell.open(flowdesk.editorUrl);
  expect(page.url()).not.toContain('token=');
  for (const name of [/orders|đơn hàng/i, /inbox|hộp thư/i, /flows|luồng/i, /connections|kết nối/i, /settings|cài đặt/i]) {
    await expect(shell.nav(name)).toBeVisible();
  }
});
