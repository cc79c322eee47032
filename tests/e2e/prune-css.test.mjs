// The stylesheet pruning of the release build (scripts/prune-css.mjs): a rule goes only when a
// class or id it needs appears nowhere in the page's download, and the built embed and
// uncertainty pages and the embed builder keep the rules they draw with.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DIST } from './helpers.mjs';
import { prune } from '../../scripts/prune-css.mjs';

test('a rule stays when every class and id of one of its selectors is in the page', () => {
  const page = '<div class="panel notice warning" id="embed-page">';
  const cases = [
    // (stylesheet, what is left)
    ['.panel{a:1}', '.panel{a:1}'],
    ['.ledger{a:1}', ''],
    ['.ledger,.panel>p{a:1}', '.panel>p{a:1}'],
    ['.notice.warning{a:1}.notice.info{b:2}', '.notice.warning{a:1}'],
    ['#embed-page .panel{a:1}#money-table{b:2}', '#embed-page .panel{a:1}'],
    // Elements, attributes and what :not() excludes do not need to be in the page.
    ['body{a:1}:root[data-theme=dark]{b:2}', 'body{a:1}:root[data-theme=dark]{b:2}'],
    ['.panel:not(.ledger){a:1}', '.panel:not(.ledger){a:1}'],
    // Media blocks keep what they can use and vanish when nothing is left.
    ['@media (max-width:600px){.panel{a:1}.ledger{b:2}}', '@media (max-width:600px){.panel{a:1}}'],
    ['@media (max-width:600px){.ledger{b:2}}', ''],
    // Other at-rules stay as written; strings with braces do not end a block.
    ['@font-face{font-family:x}.panel:after{content:"}{"}', '@font-face{font-family:x}.panel:after{content:"}{"}'],
  ];
  for (const [css, want] of cases) assert.equal(prune(css, page), want, css);
});

test('the built embed, uncertainty and embed builder pages keep the rules they draw with', () => {
  const css = (page) => {
    const dir = path.join(DIST, page);
    const file = readdirSync(dir).find((f) => f.endsWith('.css'));
    return readFileSync(path.join(dir, file), 'utf8');
  };
  const embed = css('embed');
  for (const kept of ['.chart-tooltip', '.embed-footer', '.slider', '.notice', '.figure-year', '.data-table']) {
    assert.ok(embed.includes(kept), `embed keeps ${kept}`);
  }
  for (const gone of ['.ledger', '.embed-dialog', '.saved-list', '.undo-bar']) {
    assert.ok(!embed.includes(gone), `embed drops ${gone}`);
  }
  const uncertainty = css('uncertainty');
  for (const kept of ['.figures', '.error-text', '.notice', '.back-link']) {
    assert.ok(uncertainty.includes(kept), `uncertainty keeps ${kept}`);
  }
  assert.ok(!uncertainty.includes('.ledger'), 'uncertainty drops the ledger');
  const publish = css('publish');
  for (const kept of ['.embed-fields', '.embed-preview', '.embed-script', '.publish-main', '.notice', '.back-link', '.share-bar']) {
    assert.ok(publish.includes(kept), `publish keeps ${kept}`);
  }
  for (const gone of ['.ledger', '.saved-list', '.chart-tooltip', '.undo-bar']) {
    assert.ok(!publish.includes(gone), `publish drops ${gone}`);
  }
});
