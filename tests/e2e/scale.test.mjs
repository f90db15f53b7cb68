// A 10,000-card document: `explorer-tool gen-document --sections 200 --entries 50`
// served in place of the seed document loads with every card present, and the cards search finds
// the word that only the last card holds (the search runs in slices: it says when it is done), and
// Enter goes to that card at the end of the document.
// Fixtures and the `t` harness: tests/e2e/fixtures.mjs.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from './fixtures.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LAST_CARD_WORD = 'quillwort'; // rx::kLastCardWord (src/tools/synthetic_document.h)

function generatedDocument(sections, entries) {
  const exe = [process.env.RX_BUILD_DIR && path.join(process.env.RX_BUILD_DIR, 'native', 'explorer-tool'),
    path.join(ROOT, 'build', 'native', 'explorer-tool')].filter(Boolean).find((p) => fs.existsSync(p));
  if (!exe) throw new Error('explorer-tool is not built (./build.sh build builds it)');
  return execFileSync(exe, ['gen-document', '--sections', String(sections), '--entries', String(entries)],
    { maxBuffer: 64 << 20 }).toString('utf8');
}

// Only what the test needs from state(): at 10,000 cards the whole state is a large JSON.
const brief = (page) => page.evaluate(() => {
  const s = window.explorer.state();
  const cards = s.sections.flatMap((sec) => sec.cards);
  return {
    ready: s.ready, docErrors: (s.errors || []).filter((e) => /\.md$/.test(e.source)).map((e) => e.message), sections: s.sections.length, cards: cards.length,
    search: s.search, matching: cards.filter((c) => c.matches).map((c) => c.id),
    last: cards.length ? cards[cards.length - 1].id : null,
    visible: cards.filter((c) => c.visible).map((c) => c.id), openCard: s.openCard,
  };
});

test('tenThousandCardsLoadAndSearchFindsTheLastCard', async ({ t }) => {
  test.setTimeout(180_000);
  const markdown = generatedDocument(200, 50);
  await t.page.route('**/content/rust-overview.md', (route) =>
    route.fulfill({ status: 200, contentType: 'text/markdown; charset=utf-8', body: markdown }));
  await t.open('/');
  await t.waitReady(90_000);
  let s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.cards === 10000 ? b : null;
  }, 60_000, 'all 10,000 cards in state()');
  t.assert.equal(s.sections, 200);
  // (The seed's tags.json, still served, names seed cards: those problems are about tags.json.)
  t.assert.deepEqual(s.docErrors, [], 'the generated document has no problems');

  await t.page.focus('#canvas');
  await t.page.keyboard.press('Control+KeyK');
  await t.waitFor(async () => (await brief(t.page)).search.active, 10_000, 'the search field active');
  await t.page.keyboard.type(LAST_CARD_WORD, { delay: 40 });
  s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.search.query === LAST_CARD_WORD && b.search.complete ? b : null;
  }, 60_000, `the search for "${LAST_CARD_WORD}" complete`);
  t.assert.equal(s.search.cards, 1, `one card matches: ${JSON.stringify(s.search)}`);
  t.assert.deepEqual(s.matching, [s.last], 'the only match is the last card');

  await t.page.keyboard.press('Enter');
  s = await t.waitFor(async () => {
    const b = await brief(t.page);
    return b.visible.includes(b.last) ? b : null;
  }, 20_000, 'Enter scrolled to the last card');
  t.assert.equal(s.search.current, 0);
  await t.screenshot('scale-10k-last-card');
  t.assertNoConsoleErrors();
});
