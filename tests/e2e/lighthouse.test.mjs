// Lighthouse on the served build: accessibility, best practices and SEO all 1.0.
// Performance and paint timings are logged for the benchmark (tests/bench/lighthouse.mjs).
import { runLighthouse } from '../bench/lighthouse.mjs';
import { test } from './fixtures.mjs';

test('lighthouseScoresAreFull', async ({ t }) => {
  test.setTimeout(240000);
  const r = await runLighthouse(t.url('/'));
  t.log(`lighthouse: performance ${r.performance}, accessibility ${r.accessibility}, ` +
    `best practices ${r.bestPractices}, SEO ${r.seo}; FCP ${r.fcp} ms, LCP ${r.lcp} ms, ` +
    `TBT ${r.tbt} ms, CLS ${r.cls}`);
  const message = `audits below 1: ${r.failures.join('; ') || 'none'}`;
  t.assert.equal(r.accessibility, 1, message);
  t.assert.equal(r.bestPractices, 1, message);
  t.assert.equal(r.seo, 1, message);
});
