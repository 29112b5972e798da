// The web page in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core,
// both installed by scripts/setup): `cbdkg serve` on 127.0.0.1:0 over a data directory with the
// bundled corpus and examples ingested once; every page loads without console errors in Arabic
// and English, a search, an ask and a pledge check work end to end, Arabic mirrors the layout,
// the interface switches language, a search works from the keyboard alone, a phone-width page
// does not overflow. Screenshots of each page in Arabic and English go to $CBDKG_SCREENSHOTS.
//
// Run by scripts/test: CBDKG_BIN=… CBDKG_NODE_DIR=… node --test tests/browser/
// Nothing waits on a clock: the server's "listening on" line, and the page's
// `<main data-state="ready|error">`, which every page sets when its data has arrived.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = required('CBDKG_BIN');
const NODE_DIR = required('CBDKG_NODE_DIR');
const CHROMIUM = process.env.CBDKG_CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.CBDKG_SCREENSHOTS || path.join(ROOT, 'target', 'screenshots');
// The embedding cache the Rust tests keep between ingests (tests/common/mod.rs): vectors are
// keyed by model and text, so handing it to this ingest only saves time.
const KEPT_EMBEDDINGS = process.env.CBDKG_KEPT_EMBEDDINGS;
const { chromium } = createRequire(path.join(NODE_DIR, 'package.json'))('playwright-core');

const PARAGRAPH = 'https://cbdkg.example/id/decision/COP-13-23/p15-g';
const DECISION = 'https://cbdkg.example/id/decision/COP-13-23';
const TARGET = 'http://metadata.cbd.int/kmgbf/target_7';
const QUESTION = 'Who should commission an independent evaluation of the short-term action plan?';
const DRAFT = 'Our city will restore 200 hectares of wetland by 2030, starting from 40 hectares today, '
  + 'and report progress every year with the regional water agency.';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser test through scripts/test`);
  return value;
}

// Children to stop whatever happens: on a normal end, a failure, an exception or a signal.
const children = new Set();
function stopChildren() {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
process.on('exit', stopChildren);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

async function run(args, label) {
  const child = spawn(BIN, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  child.stdout.on('data', (chunk) => { output += chunk; });
  child.stderr.on('data', (chunk) => { output += chunk; });
  const [code] = await once(child, 'exit');
  children.delete(child);
  assert.equal(code, 0, `${label} failed:\n${output}`);
}

/** Starts `cbdkg serve` on a free port and resolves with its base URL once it says so. */
async function serve(dataDir) {
  const server = spawn(BIN, ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' },
  });
  children.add(server);
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  const lines = readline.createInterface({ input: server.stdout });
  const exited = once(server, 'exit').then(([code]) => {
    throw new Error(`cbdkg serve exited (${code}) before listening:\n${log}`);
  });
  const listening = (async () => {
    for await (const line of lines) {
      const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (match) return match[1];
    }
    throw new Error(`cbdkg serve closed its output before listening:\n${log}`);
  })();
  const url = await Promise.race([listening, exited]);
  exited.catch(() => {});
  return { server, url };
}

/** Copies the files of `from` (if it exists) into `to`, each through a temporary name. */
function copyFiles(from, to) {
  if (!existsSync(from)) return;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const partial = path.join(to, `${entry.name}.partial-${process.pid}`);
    copyFileSync(path.join(from, entry.name), partial);
    renameSync(partial, path.join(to, entry.name));
  }
}

let workDir;
let server;
let base;
let browser;

before(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'cbdkg-web-'));
  const dataDir = process.env.CBDKG_WEB_DATA_DIR || path.join(workDir, 'var');
  if (!process.env.CBDKG_WEB_DATA_DIR) {
    const cache = path.join(dataDir, 'cache', 'embeddings');
    if (KEPT_EMBEDDINGS) copyFiles(KEPT_EMBEDDINGS, cache);
    await run(['ingest', 'data/corpus', 'data/examples', '--data-dir', dataDir], 'cbdkg ingest');
    if (KEPT_EMBEDDINGS) copyFiles(cache, KEPT_EMBEDDINGS);
  }
  ({ server, url: base } = await serve(dataDir));
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: asRoot ? ['--no-sandbox'] : [] });
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  if (browser) await browser.close();
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await once(server, 'exit');
  }
  stopChildren();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

/**
 * A browser page in `language` (as if chosen before) at `viewport`, that refuses every request
 * beyond the server and records console errors, page errors and refused requests.
 */
async function open(language, { viewport = { width: 1280, height: 900 }, locale = 'en-US', remember = true } = {}) {
  const context = await browser.newContext({ viewport, locale });
  if (remember) await context.addInitScript((l) => {
    if (!localStorage.getItem('cbdkg.language')) localStorage.setItem('cbdkg.language', l);
  }, language);
  const problems = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`)) return route.continue();
    problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { page, context, problems };
}

/** Goes to `#/…` and waits until the page says its data arrived. */
async function visit(page, hash, state = 'ready') {
  await act(page, () => page.goto(`${base}/${hash}`), state);
}

/**
 * Does `action` (a click, a key, a navigation) and waits for the page it leads to. The state
 * of the page shown before is marked stale first: a fragment change renders on the next task,
 * so without it the old page's "ready" could be taken for the new one's.
 */
async function act(page, action, state = 'ready') {
  await page.evaluate(() => {
    const main = document.querySelector('main');
    if (main) main.dataset.state = 'stale';
  });
  await action();
  await settled(page, state);
}

async function settled(page, state = 'ready') {
  await page.waitForSelector(`main[data-state="ready"], main[data-state="error"]`);
  assert.equal(await page.getAttribute('main', 'data-state'), state, `${page.url()}: ${await page.textContent('main')}`);
}

function hash(name, params = {}) {
  const query = new URLSearchParams(params).toString();
  return `#/${name}${query ? `?${query}` : ''}`;
}

async function box(page, selector) {
  const found = await page.locator(selector).first().boundingBox();
  assert.ok(found, `${selector} is not visible`);
  return found;
}

describe('the web page', () => {
  test('every page loads in Arabic and English without console errors (screenshots)', async () => {
    const pages = [
      ['search', hash('search', { q: 'capacity-building action plan evaluation' }), '.hits > li'],
      ['ask', hash('ask', { q: QUESTION }), '.citation-link'],
      ['coach', hash('coach'), '#coach-text'],
      ['decision', hash('unit', { iri: DECISION }), '.part-list > li'],
      ['paragraph', hash('unit', { iri: PARAGRAPH }), '.unit-text'],
      ['target', hash('target', { iri: TARGET }), '.cited-pledges li'],
      ['targets', hash('targets'), '.target-grid .chip'],
      ['sparql', hash('sparql'), '#sparql-query'],
    ];
    for (const language of ['en', 'ar']) {
      const { page, context, problems } = await open(language);
      for (const [name, where, content] of pages) {
        await visit(page, where);
        assert.ok(await page.locator(content).count() > 0, `${language} ${name}: no ${content}`);
        assert.equal(await page.getAttribute('html', 'lang'), language);
        assert.equal(await page.getAttribute('html', 'dir'), language === 'ar' ? 'rtl' : 'ltr');
        if (name === 'coach') {
          await page.fill('#coach-text', DRAFT);
          await act(page, () => page.click('.coach-form button[type=submit]'));
        }
        await page.screenshot({ path: path.join(SHOTS, `${language}-${name}.png`) });
      }
      assert.deepEqual(problems, [], `${language}: ${problems.join('\n')}`);
      await context.close();
    }
  });

  test('a search shows hits with snippets, why they matched and facets that filter', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('search', { q: 'capacity-building action plan evaluation' }));
    const hits = page.locator('.hits > li');
    assert.ok(await hits.count() >= 5, 'too few hits');
    assert.ok((await page.locator('.snippet').first().textContent()).trim().length > 20, 'empty snippet');
    assert.match(await page.locator('.why').first().textContent(), /similarity|words|rank/);
    assert.ok(await page.locator('.facets .facet').count() >= 2, 'facets missing');
    // Filter by the first document type; the filter shows as a removable chip.
    const facet = page.locator('.facet[data-facet="doc_type"] .facet-link').first();
    await act(page, () => facet.click());
    assert.match(page.url(), /[?&]type=/);
    assert.equal(await page.locator('.active-filters .chip').count(), 1);
    assert.ok(await hits.count() > 0, 'no hits after filtering');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a search can be done with the keyboard alone', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('search'));
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'skip-link', 'the first Tab reaches the skip link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'the skip link moves focus to the content');
    await tabTo(page, '#search-q');
    await page.keyboard.type('capacity-building action plan evaluation');
    await act(page, () => page.keyboard.press('Enter'));
    assert.ok(await page.locator('.hits > li').count() > 0);
    await tabTo(page, '.hit-link');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', 'the focused link shows its focus');
    await act(page, () => page.keyboard.press('Enter'));
    assert.match(page.url(), /#\/unit\?iri=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('an ask answers with citations that open the cited paragraph', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('ask'));
    await page.fill('#ask-q', QUESTION);
    await act(page, () => page.click('.ask-form button[type=submit]'));
    assert.ok((await page.locator('.answer').textContent()).trim().length > 20, 'empty answer');
    assert.ok(await page.locator('.answer a.cite-ref').count() > 0, 'no [n] link in the answer');
    const quote = page.locator('.citation blockquote').first();
    assert.ok((await quote.textContent()).trim().length > 0, 'empty quote');
    const citation = page.locator(`.citation-link[href*="${encodeURIComponent(PARAGRAPH)}"]`);
    assert.equal(await citation.count(), 1, 'paragraph 15(g) is not cited');
    await act(page, () => citation.click());
    assert.match(await page.textContent('h1'), /XIII\/23.*15\(g\)/);
    // An Arabic text keeps its direction in an English interface.
    const text = page.locator('.unit-text').first();
    assert.equal(await text.getAttribute('lang'), 'ar');
    assert.equal(await text.getAttribute('dir'), 'rtl');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('a pledge check shows the report and its targets open their page', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('coach'));
    await page.fill('#coach-text', DRAFT);
    await act(page, () => page.click('.coach-form button[type=submit]'));
    const score = Number(await page.getAttribute('#coach-score', 'value'));
    assert.ok(score > 0 && score <= 100, `score ${score}`);
    assert.equal(await page.locator('.elements tbody tr').count(), 10);
    assert.ok(await page.locator('.elements .yes').count() >= 3, 'the draft states several elements');
    assert.ok(await page.locator('.elements .evidence').count() > 0, 'no evidence quoted');
    const chip = page.locator('.fits a.chip').first();
    await act(page, () => chip.click());
    assert.match(await page.textContent('h1'), /GBF target \d+/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('Arabic is right to left and the layout mirrors', async () => {
    const where = hash('search', { q: 'capacity-building action plan evaluation' });
    const layout = async (language) => {
      const { page, context, problems } = await open(language);
      await visit(page, where);
      const found = {
        dir: await page.getAttribute('html', 'dir'),
        brand: await box(page, '#brand'),
        nav: await box(page, '#site-nav'),
        label: await box(page, 'label[for="search-q"]'),
        input: await box(page, '#search-q'),
        results: await box(page, '.results'),
        facets: await box(page, '.facets'),
        width: page.viewportSize().width,
      };
      assert.deepEqual(problems, []);
      await context.close();
      return found;
    };
    const en = await layout('en');
    const ar = await layout('ar');
    assert.equal(en.dir, 'ltr');
    assert.equal(ar.dir, 'rtl');
    // English: brand at the left, then the navigation; labels start at the input's left edge;
    // facets to the right of the results. Arabic: each of these the other way round.
    assert.ok(en.brand.x < en.nav.x, 'en: brand left of the navigation');
    assert.ok(ar.brand.x > ar.nav.x, 'ar: brand right of the navigation');
    assert.ok(ar.brand.x + ar.brand.width > ar.width * 0.75, 'ar: brand at the right edge');
    assert.ok(Math.abs(en.label.x - en.input.x) < 2, 'en: label starts at the input left edge');
    const right = (b) => b.x + b.width;
    assert.ok(Math.abs(right(ar.label) - right(ar.input)) < 2, 'ar: label ends at the input right edge');
    assert.ok(en.facets.x > en.results.x, 'en: facets right of results');
    assert.ok(ar.facets.x < ar.results.x, 'ar: facets left of results');
  });

  test('the interface switches language, remembers it, and starts in the browser language', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('search'));
    await act(page, () => page.selectOption('#ui-language', 'fr'));
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.textContent('#site-nav a[data-route="search"]'), 'Recherche');
    await act(page, () => page.reload());
    assert.equal(await page.getAttribute('html', 'lang'), 'fr', 'the choice is remembered');
    await act(page, () => page.selectOption('#ui-language', 'ar'));
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.textContent('#site-nav a[data-route="search"]'), 'البحث');
    assert.deepEqual(problems, []);
    await context.close();

    const fresh = await open('es', { locale: 'es-ES', remember: false });
    await visit(fresh.page, hash('search'));
    assert.equal(await fresh.page.getAttribute('html', 'lang'), 'es');
    assert.equal(await fresh.page.textContent('h1'), 'Buscar en las decisiones');
    await fresh.context.close();
  });

  test('a phone-width page fits the screen, facets after results (screenshots)', async () => {
    for (const language of ['en', 'ar']) {
      const { page, context, problems } = await open(language, { viewport: { width: 390, height: 844 } });
      for (const [name, where] of [
        ['search', hash('search', { q: 'capacity-building action plan evaluation' })],
        ['paragraph', hash('unit', { iri: PARAGRAPH })],
      ]) {
        await visit(page, where);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 1, `${language} ${name}: ${overflow}px wider than the screen`);
        if (name === 'search') {
          const results = await box(page, '.results');
          const facets = await box(page, '.facets');
          assert.ok(facets.y > results.y, `${language}: facets below results on a phone`);
        }
        await page.screenshot({ path: path.join(SHOTS, `${language}-phone-${name}.png`) });
      }
      assert.deepEqual(problems, []);
      await context.close();
    }
  });

  test('the SPARQL page runs an example and links IRIs to their pages', async () => {
    const { page, context, problems } = await open('en');
    await visit(page, hash('sparql'));
    await page.selectOption('#sparql-example', '3');
    await act(page, () => page.click('.sparql-form button[type=submit]'));
    assert.ok(await page.locator('.solutions tbody tr').count() >= 5);
    await act(page, () => page.locator('.solutions a[href^="#/unit"]').first().click());
    assert.match(page.url(), /#\/unit\?iri=/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('API errors are shown as messages in the interface language', async () => {
    for (const [language, message] of [['en', 'Nothing with this identifier'], ['ar', 'لا يوجد في الرسم المعرفي']]) {
      const { page, context, problems } = await open(language);
      await visit(page, hash('unit', { iri: 'https://cbdkg.example/id/decision/COP-99-1' }), 'error');
      assert.match(await page.textContent('.error[role=alert]'), new RegExp(message));
      // The browser itself reports the 404 of the fetch; nothing else may go wrong.
      assert.deepEqual(problems.filter((p) => !/status of 404/.test(p)), []);
      await context.close();
    }
  });
});

describe('the interface texts', () => {
  test('the four dictionaries have the same keys, and every key the pages use exists', async () => {
    const { MESSAGES } = await import(pathToFileURL(path.join(ROOT, 'web', 'i18n.js')).href);
    const keys = (language) => Object.keys(MESSAGES[language]).sort();
    for (const language of ['ar', 'fr', 'es']) assert.deepEqual(keys(language), keys('en'), language);
    const sources = [path.join(ROOT, 'web', 'app.js'), path.join(ROOT, 'web', 'index.html')]
      .concat(readdirSync(path.join(ROOT, 'web', 'pages')).map((f) => path.join(ROOT, 'web', 'pages', f)));
    const used = new Set();
    for (const file of sources) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/ui\.(?:t|busy)\('([\w.-]+)'/g)) used.add(match[1]);
      for (const match of text.matchAll(/data-i18n(?:-label)?="([\w.-]+)"/g)) used.add(match[1]);
    }
    assert.ok(used.size > 50, `only ${used.size} keys found`);
    for (const key of used) assert.ok(key in MESSAGES.en, `${key} is used but not defined`);
  });
});

async function tabTo(page, selector) {
  for (let i = 0; i < 60; i += 1) {
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}
