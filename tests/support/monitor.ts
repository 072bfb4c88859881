import type { Page } from 'playwright-core';

/** Narrows the monitor's panel to these agents by name, as a supervisor would: other test files share the database. */
export async function narrowToAgents(monitor: Page, names: readonly string[]): Promise<void> {
  await monitor.getByTestId('monitor-filter-agents').click();
  for (const name of names) {
    await monitor.getByTestId('monitor-filter-agents').locator('input').fill(name);
    await monitor.locator('.n-base-select-option').filter({ hasText: name }).click();
  }
  await monitor.keyboard.press('Escape');
}
