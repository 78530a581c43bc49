/** linebreak (UAX #14, the algorithm pdfkit wraps with) ships no types of its own. */
declare module 'linebreak' {
  export interface Break {
    /** UTF-16 index where the next line may start. */
    position: number;
    /** A mandatory break (after a newline or a paragraph separator). */
    required: boolean;
  }
  export default class LineBreaker {
    constructor(text: string);
    /** The next break opportunity, or null after the last one (the end of the text). */
    nextBreak(): Break | null;
  }
}
