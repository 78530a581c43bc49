import { describe, expect, it } from 'vitest';
import { isolateLtrRuns } from '../../src/markdown/bidi.js';
import { hyphenateHtml } from '../../src/markdown/hyphenate.js';
import { hyphenationDictionary, justifiesInPrint } from '../../src/locale/hyphenation.js';

describe('isolateLtrRuns', () => {
  it.each([
    ['اتصل على +41 22 717 9111 الآن', 'اتصل على <span dir="ltr">+41 22 717 9111</span> الآن'],
    ['اكتب إلى media@iom.int.', 'اكتب إلى <span dir="ltr">media@iom.int</span>.'],
    ['برنامج الأغذية العالمي (WFP) و', 'برنامج الأغذية العالمي (<span dir="ltr">WFP</span>) و'],
    ['منظمة World Food Programme هنا', 'منظمة <span dir="ltr">World Food Programme</span> هنا'],
    ['في 3 أيلول 2026 بلغ 120 مليون', 'في 3 أيلول 2026 بلغ 120 مليون'],
    [
      'a <b> & "c"',
      '<span dir="ltr">a</span> &lt;<span dir="ltr">b</span>&gt; &amp; &quot;<span dir="ltr">c</span>&quot;',
    ],
  ])('%s', (text, html) => {
    expect(isolateLtrRuns(text)).toBe(html);
  });
});

describe('hyphenateHtml', () => {
  const SHY = '\u00AD';
  it('puts soft hyphens in long words of prose only', () => {
    const html =
      '<h2>Katastrophenschutzbehörden</h2>\n<p><span class="dateline">GENF, 3. September 2026 –</span> Die Katastrophenschutzbehörden schreiben an jmueller@iom.int und <code>Wasseraufbereitung</code> auf www.example.org/Gesundheitsversorgung.</p>\n';
    const out = hyphenateHtml(html, 'de', 7);
    expect(out).toContain(`<h2>Katastrophenschutzbehörden</h2>`);
    expect(out).toContain('GENF, 3. September 2026 –');
    expect(out).toContain(
      `Ka${SHY}ta${SHY}stro${SHY}phen${SHY}schutz${SHY}be${SHY}hör${SHY}den schrei${SHY}ben`,
    );
    expect(out).toContain('jmueller@iom.int');
    expect(out).toContain('<code>Wasseraufbereitung</code>');
    expect(out).toContain('www.example.org/Gesundheitsversorgung');
    expect(out.replaceAll(SHY, '')).toBe(html);
  });

  it('leaves words under the length and languages without a dictionary alone', () => {
    expect(hyphenateHtml('<p>Die Familie</p>', 'de', 12)).toBe('<p>Die Familie</p>');
    expect(hyphenateHtml('<p>国际移民组织呼吁</p>', 'zh', 2)).toBe('<p>国际移民组织呼吁</p>');
    expect(hyphenateHtml('<p>wakimbizi wanaohitaji</p>', 'sw', 4)).toBe(
      '<p>wakimbizi wanaohitaji</p>',
    );
  });

  it.each([
    ['en', 'en-us'],
    ['en-GB', 'en-gb'],
    ['en-US', 'en-us'],
    ['de-CH', 'de'],
    ['pt-BR', 'pt'],
    ['ru', 'ru'],
    ['nb-NO', 'nb'],
    ['no', 'nb'],
    ['zh', undefined],
    ['ar', undefined],
    ['sw', undefined],
  ])('%s hyphenates with %s', (lang, dictionary) => {
    expect(hyphenationDictionary(lang)).toBe(dictionary);
  });

  it('justifies print where it can hyphenate, or where the script justifies without', () => {
    expect([justifiesInPrint('de'), justifiesInPrint('zh'), justifiesInPrint('ar')]).toEqual([
      true,
      true,
      true,
    ]);
    expect(justifiesInPrint('sw')).toBe(false);
  });
});
