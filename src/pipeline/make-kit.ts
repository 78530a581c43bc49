import { PresskitError } from '../errors.js';
import type { BrowserManager } from '../browser/manager.js';
import { loadTheme } from '../html/templates.js';
import type { ProjectSettings } from '../types.js';
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
  browser: () => Promise<BrowserManager>;
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
  const cards = await contactCards(release, context.settings.vcardVersion);
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
      () => {
        staging = import('../output/stage-kit.js');
        // Awaited below; a failure to load is reported there, not as unhandled.
        staging.catch(() => undefined);
      },
    );
  } finally {
    context.printed();
  }
  const { stageKit } = await (staging ?? import('../output/stage-kit.js'));
  const interrupted = (): PresskitError =>
    new PresskitError('E_INTERRUPTED', { file: release.displayPath, message: 'interrupted' });
  if (context.signal?.aborted) throw interrupted();
  const staged = await stageKit(context.outDir, release.slug, kit.entries, context.documentDate);
  if (context.signal?.aborted) {
    await staged.discard();
    throw interrupted();
  }
  return { ...staged, pdfMs: kit.pdfMs };
}
