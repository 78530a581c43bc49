import mammoth from 'mammoth';
import type { SourceBlock } from './communique.js';
import { htmlToBlocks } from './markdown.js';

/** An image of the Word file, to be written beside the release. */
export interface ExtractedImage {
  /** File name, relative to the release. */
  name: string;
  data: Buffer;
}

export interface ReadDocx {
  blocks: SourceBlock[];
  images: ExtractedImage[];
  /** What mammoth could not convert (unknown styles, unsupported elements). */
  warnings: string[];
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

// Word's Title and Subtitle styles are paragraphs to mammoth: make the title the page's h1.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** A .docx as Markdown paragraphs (mammoth to HTML, turndown to Markdown) and its images. */
export async function readDocx(path: string): Promise<ReadDocx> {
  const images: ExtractedImage[] = [];
  const result = await mammoth.convertToHtml(
    { path },
    {
      styleMap: STYLE_MAP,
      // A hostile .docx can link an image to any path on this machine: never read one.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        const extension = EXTENSIONS[image.contentType];
        if (extension === undefined) return { src: '' };
        const name = `image-${images.length + 1}.${extension}`;
        images.push({ name, data: await image.readAsBuffer() });
        // mammoth adds the image's alternative text in Word as `alt` itself.
        return { src: name };
      }),
    },
  );
  return {
    blocks: htmlToBlocks(result.value),
    images,
    warnings: result.messages.map((message) => message.message),
  };
}
