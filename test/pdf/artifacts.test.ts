import { describe, expect, it } from 'vitest';
import { markArtifacts } from '../../src/pdf/artifacts.js';

const marked = markArtifacts;

describe('markArtifacts: what is painted outside marked content becomes an artifact', () => {
  it('wraps a path with its painting operator, and a text object whole', () => {
    const content =
      'q 1 0 0 1 0 0 cm 0 0 643 964 re f Q\n' +
      'BT /F4 11 Tf <0012> Tj ET\n' +
      '/P <</MCID 0 >>BDC BT /F5 12 Tf <0034> Tj ET EMC\n';
    expect(marked(content)).toBe(
      'q 1 0 0 1 0 0 cm /Artifact BMC\n0 0 643 964 re f\nEMC Q\n' +
        '/Artifact BMC\nBT /F4 11 Tf <0012> Tj ET\nEMC\n' +
        '/P <</MCID 0 >>BDC BT /F5 12 Tf <0034> Tj ET EMC\n',
    );
  });

  it('leaves tagged content, clipping paths and state alone', () => {
    const content = 'q 0 0 10 10 re W n /Span <</MCID 1 >>BDC 0 0 1 1 re f /X1 Do EMC Q';
    expect(marked(content)).toBeUndefined();
  });

  it('wraps an XObject painted outside marked content', () => {
    expect(marked('q /X8 Do Q')).toBe('q /Artifact BMC\n/X8 Do\nEMC Q');
  });

  it('reads strings holding operator names and delimiters as operands', () => {
    const content = '/P <</MCID 0 >>BDC BT (EMC \\) BDC) Tj ET EMC BT <45 4D 43> Tj ET';
    expect(marked(content)).toBe(
      '/P <</MCID 0 >>BDC BT (EMC \\) BDC) Tj ET EMC /Artifact BMC\nBT <45 4D 43> Tj ET\nEMC',
    );
  });

  it('gives up, leaving the stream as it is, on what it cannot follow safely', () => {
    // An inline image (binary data), unbalanced marked content, a nested literal string.
    expect(marked('BI /W 1 /H 1 ID x EI 0 0 1 1 re f')).toBeUndefined();
    expect(marked('EMC 0 0 1 1 re f')).toBeUndefined();
    expect(marked('/P <</MCID 0 >>BDC 0 0 1 1 re f')).toBeUndefined();
    expect(marked('BT (a (nested) string) Tj ET')).toBeUndefined();
    // A text object never closed, though a path before it could be wrapped.
    expect(marked('0 0 1 1 re f BT <0001> Tj')).toBeUndefined();
  });
});
