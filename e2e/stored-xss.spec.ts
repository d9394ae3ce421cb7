import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { extractText, getDocumentProxy } from 'unpdf';
import { BASE_URL } from '../playwright.config';
import { signIn } from './support/sign-in';
import { storageState } from './support/roles';
import { tracker, uniqueEmail } from './support/cli';

// Stored XSS: script tags, event handlers, javascript: links and SVG payloads typed into every text a
// user can store (seminar title, venue and organiser, recommendation title and text, status note,
// evidence body and source title, user name, theme and sector names, an imported report) stay inert
// on every page that shows them and in the PDF, XLSX and CSV exports. A payload that ran would set
// window.__xss or open a dialog; the test fails on either, on any javascript: link and on any
// on... attribute in the page (React never writes one). Dated 2025 like hand-entry.spec.ts, so the
// 2015 figures other specs read are unchanged.

test.describe.configure({ mode: 'serial' });

const RUN = Date.now().toString(36).slice(-6);
const MARK = `XSS${RUN}`;
/** Each payload carries MARK, so the test can see it was shown (as text) where it should be. */
const P = {
  seminar: `${MARK} seminar <script>window.__xss=1</script><img src=x onerror="window.__xss=1;alert(1)">`,
  venue: `"><svg onload=window.__xss=1>${MARK}`,
  organiser: `<iframe srcdoc="<script>parent.__xss=1</script>">${MARK}`,
  title: `=HYPERLINK("http://evil.example","${MARK}")<svg/onload=alert(1)>`,
  text: `${MARK} text <a href="javascript:window.__xss=1">click</a> <img src=x onerror=alert(1)> <svg><script>window.__xss=1</script></svg>`,
  note: `@SUM(1+1) ${MARK} note <script>alert(1)</script>`,
  evidence: `+${MARK} evidence [click me](javascript:window.__xss=1) ![img](javascript:alert(1)) <img src=x onerror=alert(1)> <a href="javascript:alert(1)">raw</a> [data](data:text/html,<script>alert(1)</script>)`,
  sourceTitle: `-${MARK} source <script>alert(1)</script>`,
  user: `<img src=x onerror=alert(1)>${MARK}"><svg onload=window.__xss=1>`,
  theme: `<svg onload=alert(1)>T${MARK}`,
  sector: `"><img src=x onerror=alert(1)>S${MARK}`,
};
const QUARTER = '2025-Q2';

let seminarId = '';
let code = '';
let draftId = '';

/** Fails on anything that shows a payload ran, or could run on a click. */
async function expectInert(page: Page, path: string, shows: string[] = [MARK]) {
  const dialogs: string[] = [];
  const onDialog = (dialog: { message: () => string; dismiss: () => Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  page.on('dialog', onDialog);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('networkidle');
  for (const text of shows) await expect(page.locator('body'), `${path} shows the payload as text`).toContainText(text);
  const found = await page.evaluate(() => {
    const scripted = (window as unknown as { __xss?: unknown }).__xss;
    const links = [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')]
      .flatMap((el) => ['href', 'src', 'action', 'formaction', 'xlink:href'].map((name) => el.getAttribute(name) ?? ''))
      // React's own placeholder on a form whose action is a server function (it never runs: React submits the form itself).
      .filter((value) => value !== "javascript:throw new Error('React form unexpectedly submitted.')")
      .filter((value) => /^\s*(javascript|vbscript|data:text\/html)/i.test(value));
    const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
    );
    // Next's own data scripts (self.__next_f.push) carry the page's text, payloads included, as JSON strings.
    const injected = [...document.querySelectorAll('script, iframe[srcdoc], svg script')].filter(
      (el) => el.hasAttribute('srcdoc') || ((el.textContent ?? '').includes('__xss') && !(el.textContent ?? '').trimStart().startsWith('self.__next_f.push(')),
    );
    return { scripted: scripted ?? null, links, handlers, injected: injected.length };
  });
  page.off('dialog', onDialog);
  expect({ path, ...found, dialogs }).toEqual({ path, scripted: null, links: [], handlers: [], injected: 0, dialogs: [] });
}

async function apiJson(request: APIRequestContext, method: 'post' | 'get', path: string, data?: unknown) {
  const response = await request[method](path, { data, headers: { origin: BASE_URL } });
  expect(response.status(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

test.describe('stored XSS', () => {
  test('xss: an editor with a script for a name stores payloads in every text field (a javascript: source link is refused)', async ({ browser }) => {
    test.setTimeout(180_000);
    // The vocabulary: an administrator names a theme and a sector with payloads.
    const admin = await browser.newContext({ storageState: storageState('admin') });
    const adminPage = await admin.newPage();
    for (const [kind, name] of [
      ['themes', P.theme],
      ['sectors', P.sector],
    ] as const) {
      await adminPage.goto(`/admin/${kind}`);
      const form = adminPage.getByRole('form', { name: `Add a ${kind.slice(0, -1)}` });
      await form.getByLabel('Name').fill(name);
      await form.getByRole('button', { name: `Add ${kind.slice(0, -1)}` }).click();
      await expect(adminPage.getByText(name).first()).toBeVisible();
    }
    await admin.close();

    // An editor whose name is a payload.
    const email = uniqueEmail('xss');
    const password = 'a long enough password';
    tracker(['user', 'add', '--email', email, '--name', P.user, '--role', 'editor'], password);
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, email, password);
    const request = page.request;

    const themes = (await apiJson(request, 'get', '/api/v1/themes')) as { items: { id: string; name: string }[] };
    const sectors = (await apiJson(request, 'get', '/api/v1/sectors')) as { items: { id: string; name: string }[] };
    const themeId = themes.items.find((t) => t.name === P.theme)!.id;
    const sectorId = sectors.items.find((s) => s.name === P.sector)!.id;

    const { seminar } = await apiJson(request, 'post', '/api/v1/seminars', {
      title: P.seminar,
      kind: 'SEMINAR',
      date: '2025-04-03',
      venue: P.venue,
      organiser: P.organiser,
      // The item's text in the report, so "view in source" has a passage to show.
      sourceText: `Report <script>window.__xss=1</script>\n\nRecommendations\n\n1. ${P.text}\n\nAnnex ${MARK} <img src=x onerror=alert(1)>\n`,
    });
    seminarId = seminar.id;
    const { recommendation } = await apiJson(request, 'post', `/api/v1/seminars/${seminarId}/recommendations`, {
      text: P.text,
      title: P.title,
      primaryThemeId: themeId,
      sectorIds: [sectorId],
    });
    code = recommendation.code;
    await apiJson(request, 'post', `/api/v1/recommendations/${code}/status`, {
      status: 'IN_PROGRESS',
      effectiveDate: '2025-05-06',
      note: P.note,
      expectedVersion: recommendation.version,
    });
    await apiJson(request, 'post', `/api/v1/recommendations/${code}/evidence`, {
      body: P.evidence,
      evidenceDate: '2025-05-07',
      sourceTitle: P.sourceTitle,
      sourceUrl: `https://example.org/?q=<script>alert(1)</script>`,
    });
    const refused = await request.post(`/api/v1/recommendations/${code}/evidence`, {
      data: { body: 'x', evidenceDate: '2025-05-07', sourceUrl: 'javascript:alert(1)' },
      headers: { origin: BASE_URL },
    });
    expect(refused.status()).toBe(400);
    const draft = await apiJson(request, 'post', '/api/v1/imports', {
      text: `“${P.seminar}”\n\nA seminar held on 3 April 2025.\n\nRecommendations\n\n1. ${P.text}\n2. ${P.note} should be done.\n`,
    });
    draftId = draft.id;
    await context.close();
  });

  test('xss: the payloads are shown as text, and nothing runs, on every page that shows them', async ({ browser }) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ storageState: storageState('admin') });
    const page = await context.newPage();
    const pages: [string, string[]?][] = [
      [`/recommendations?q=${MARK}`],
      [`/recommendations?seminar=${seminarId}`],
      [`/recommendations/${code}`],
      [`/recommendations/${code}/source`],
      [`/dashboard?seminar=${seminarId}`, []],
      ['/seminars'],
      [`/reports/${QUARTER}?seminar=${seminarId}`],
      ['/admin/audit'],
      ['/admin/users'],
      ['/admin/themes'],
      ['/admin/sectors'],
      ['/admin/seminars'],
      [`/admin/seminars/${seminarId}`],
      ['/imports', []],
      // The review screen holds the texts in form fields (not page text): checked for inertness only.
      [`/imports/${draftId}`, []],
    ];
    for (const [path, shows] of pages) await expectInert(page, path, shows);
    await context.close();
  });

  test('xss: the CSV and XLSX exports neutralise formulas, and the PDF has no script or javascript: link', async ({ playwright }) => {
    test.setTimeout(180_000);
    const request = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageState('admin') });
    const file = async (format: string, extra = '') => {
      const response = await request.get(`/api/v1/reports/quarterly?quarter=${QUARTER}&seminar=${seminarId}&format=${format}${extra}`);
      expect(response.status(), format).toBe(200);
      return response.body();
    };

    for (const csv of ['items', 'changes']) {
      const rows: string[][] = parse((await file('csv', `&csv=${csv}`)).toString('utf8'), { bom: true });
      const cells = rows.flat().filter((cell) => cell.includes(MARK));
      expect(cells.length, `the ${csv} CSV holds the payloads`).toBeGreaterThan(0);
      // A spreadsheet app runs a CSV cell that starts so as a formula: lib/reporting/spreadsheet-safe.ts prefixes a quote.
      for (const cell of cells) expect(cell, `${csv} CSV cell`).not.toMatch(/^[=+\-@\t\r]/);
    }
    const items: string[][] = parse((await file('csv', '&csv=items')).toString('utf8'), { bom: true });
    expect(items.flat()).toContain(`'${P.title}`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await file('xlsx')) as unknown as ArrayBuffer);
    // In a workbook, text is safe as a string cell (no app evaluates it): nothing may be a formula or a non-web link.
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${sheet.name}!${cell.address} is not a formula`).not.toBe(ExcelJS.ValueType.Formula);
          if (cell.type === ExcelJS.ValueType.Hyperlink) expect(String((cell.value as { hyperlink: string }).hyperlink)).toMatch(/^https?:/);
          if (cell.text.includes(MARK)) {
            expect(cell.type, `${sheet.name}!${cell.address}`).toBe(ExcelJS.ValueType.String);
            texts.push(cell.text);
          }
        }),
      ),
    );
    expect(texts, 'the workbook holds the payloads as they were typed').toEqual(expect.arrayContaining([P.title, P.note]));

    const pdf = await file('pdf');
    const raw = pdf.toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA|SubmitForm|ImportData)\b/);
    for (const uri of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri[1], 'a PDF link').toMatch(/^https?:|^mailto:/);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    expect(text, 'the PDF shows the payloads as text').toContain(MARK);
    await request.dispose();
  });
});
