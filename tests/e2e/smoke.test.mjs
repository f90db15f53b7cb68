// First browser test: the explorer loads, becomes ready, renders, and logs no errors.
// Fixtures: tests/e2e/fixtures.mjs.
import { test } from './fixtures.mjs';

test('pageLoadsAndBecomesReady', async ({ t }) => {
  const response = await t.open('/');
  t.assert.ok(response && response.ok(), `GET / answered ${response && response.status()}`);
  const state = await t.waitReady(30000);
  t.assert.equal(state.ready, true);
  t.assert.deepEqual(state.errors || [], [], 'state().errors should be empty');
  // A few frames must really be drawn, not just the ready flag set.
  await t.waitFor(async () => ((await t.state()).frames || 0) > 0, 10000, 'a rendered frame');
  await t.page.waitForTimeout(300);
  await t.screenshot('smoke');
  t.assertNoConsoleErrors();
});
