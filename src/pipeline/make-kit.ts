import { PresskitError } from '../errors.js';
import type { BrowserManager } from '../browser/manager.js';
import { loadTheme } from '../html/templates.js';
import type { KitLifecycle, ProjectSettings, Withdrawal } from '../types.js';
import { renderWithdrawnPage } from '../html/withdrawn-page.js';
import { GENERATOR } from '../version.js';
import { contactCards } from '../contacts/cards.js';
import type { PreparedRelease } from './prepare-release.js';
import type { RenderedKit } from './render-kit.js';
import { renderKit } from './render-kit.js';
import type * as WriteKit from '../output/stage-kit.js';
import type { StagedKit } from '../output/stage-kit.js';

export interface MakeKitContext {
  settings: ProjectSettings;
  outDir: string;
  /** The zip's timestamps and the PDF's dates. */
  documentDate: Date;
  lifecycle: KitLifecycle;
  browser: () => Promise<BrowserManager>;
  /** Called as the PDF starts printing: what is left of the kit can wait for its page. */
  printing?: () => void;
  /** Called once the PDF is printed (or printing failed): the browser is needed no more. */
  printed: () => void;
  signal: AbortSignal | undefined;
}

/**
 * Renders a validated release and stages its kit and zip, ready to commit. Kept apart
 * from the orchestrator and loaded on first use: the template engine, QR, PDF and zip
 * libraries are not needed by a build where nothing changed.
 */
export async function makeKit(
  prepared: PreparedRelease,
  context: MakeKitContext,
): Promise<StagedKit & { pdfMs: number }> {
  const { release } = prepared;
  if (release.withdrawal) return withdrawnKit(prepared, release.withdrawal, context);
  const cards = await contactCards(release, context.settings);
  const theme = loadTheme(context.settings.templateDir);
  let kit: RenderedKit;
  // The zip library loads while Chrome prints the first PDF, not before it.
  let staging: Promise<typeof WriteKit> | undefined;
  try {
    kit = await renderKit(
      prepared,
      cards,
      context.settings,
      theme,
      await context.browser(),
      context.documentDate,
      context.lifecycle,
      () => {
        context.printing?.();
        staging = import('../output/stage-kit.js');
        // Awaited below; a failure to load is reported there, not as unhandled.
        staging.catch(() => undefined);
      },
    );
  } catch (error) {
    context.printed();
    throw error;
  }
  void kit.browserDone.then(context.printed);
  const { stageKit } = await (staging ?? import('../output/stage-kit.js'));
  const interrupted = (): PresskitError =>
    new PresskitError('E_INTERRUPTED', { file: release.displayPath, message: 'interrupted' });
  if (context.signal?.aborted) throw interrupted();
  // Written while the PDF prints, and the PDF once it is back: a failed print discards it all.
  const staged = await stageKit(context.outDir, release.slug, kit.entries, context.documentDate);
  if (context.signal?.aborted) {
    await staged.discard();
    throw interrupted();
  }
  return { ...staged, pdfMs: await kit.pdfMs };
}

/** A withdrawn release's kit: its notice page alone (and SHA256SUMS), no zip. */
async function withdrawnKit(
  prepared: PreparedRelease,
  withdrawal: Withdrawal,
  context: MakeKitContext,
): Promise<StagedKit & { pdfMs: number }> {
  const { release } = prepared;
  context.printed();
  const theme = loadTheme(context.settings.templateDir);
  const html = await renderWithdrawnPage(release, withdrawal, theme, GENERATOR);
  const { stageKit } = await import('../output/stage-kit.js');
  const entries = [{ path: 'index.html', data: html }];
  const staged = await stageKit(context.outDir, release.slug, entries, context.documentDate, false);
  return { ...staged, pdfMs: 0 };
}
