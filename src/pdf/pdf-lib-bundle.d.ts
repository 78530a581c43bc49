/**
 * pdf-lib's single-file ES build: the same code as the package's entry point, which is
 * 300 files of CommonJS and takes two and a half times as long to load.
 */
declare module 'pdf-lib/dist/pdf-lib.esm.min.js' {
  export * from 'pdf-lib';
}
