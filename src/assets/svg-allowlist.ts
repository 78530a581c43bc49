/**
 * What a shipped SVG may hold. An allowlist, not a blocklist: a browser opening the file on
 * its own (a hosted newsroom, a journalist's double click) runs scripts, follows links and
 * loads resources through many more elements and attributes than anyone can list, so only
 * what draws a static or SMIL-animated picture is let through.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';
export const XLINK_NS = 'http://www.w3.org/1999/xlink';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** Namespaces a browser interprets, with a name for the message that refuses them. */
export const ACTIVE_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['http://www.w3.org/1999/xhtml', 'XHTML'],
  ['http://www.w3.org/1998/Math/MathML', 'MathML'],
  ['http://www.w3.org/1999/XSL/Transform', 'XSLT'],
  ['http://www.w3.org/2001/xml-events', 'XML Events'],
]);

/**
 * Editor metadata that real logos carry and no browser interprets: an element or attribute
 * in one of these namespaces is neither rendered nor run, so it may stay (removing it would
 * make users hand-edit every Inkscape or Illustrator export). The SVG elements and
 * attributes inside them are still checked: a script runs wherever it sits in the tree.
 * Any other namespace is refused, since a browser may learn to interpret it.
 */
export const INERT_NAMESPACES: ReadonlySet<string> = new Set([
  'http://www.w3.org/1999/02/22-rdf-syntax-ns#', // RDF
  'http://purl.org/dc/elements/1.1/', // Dublin Core
  'http://purl.org/dc/terms/',
  'http://creativecommons.org/ns#', // Creative Commons
  'http://web.resource.org/cc/',
  'http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd',
  'http://www.inkscape.org/namespaces/inkscape',
  'http://ns.adobe.com/AdobeIllustrator/10.0/',
  'http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/',
  'http://ns.adobe.com/Extensibility/1.0/',
  'http://ns.adobe.com/Graphs/1.0/',
  'http://ns.adobe.com/SaveForWeb/1.0/',
  'http://ns.adobe.com/Variables/1.0/',
  'http://ns.adobe.com/ImageReplacement/1.0/',
  'http://ns.adobe.com/GenericCustomNamespace/1.0/',
  'http://ns.adobe.com/XPath/1.0/',
  'http://ns.adobe.com/xap/1.0/', // XMP
  'http://www.bohemiancoding.com/sketch/ns', // Sketch
  'http://www.serif.com/', // Affinity Designer
]);

/**
 * SMIL animation. Allowed, because animated logos exist and these elements can only change
 * attributes the allowlist already accepts; what they may target and set is checked apart
 * (no href, no event handler, no value with a URL scheme).
 */
export const ANIMATION_ELEMENTS: ReadonlySet<string> = new Set([
  'animate',
  'animateMotion',
  'animateTransform',
  'set',
]);

const FILTER_PRIMITIVES = [
  'feBlend',
  'feColorMatrix',
  'feComponentTransfer',
  'feComposite',
  'feConvolveMatrix',
  'feDiffuseLighting',
  'feDisplacementMap',
  'feDistantLight',
  'feDropShadow',
  'feFlood',
  'feFuncA',
  'feFuncB',
  'feFuncG',
  'feFuncR',
  'feGaussianBlur',
  'feImage',
  'feMerge',
  'feMergeNode',
  'feMorphology',
  'feOffset',
  'fePointLight',
  'feSpecularLighting',
  'feSpotLight',
  'feTile',
  'feTurbulence',
];

/**
 * Left out on purpose: script, foreignObject (holds HTML), a (navigates, javascript: URLs),
 * the SVG fonts (font-face-uri loads), cursor, color-profile and tref (load by reference),
 * iframe, video, audio, canvas, handler, listener.
 */
export const SVG_ELEMENTS: ReadonlySet<string> = new Set([
  ...['svg', 'g', 'defs', 'symbol', 'use', 'switch', 'view', 'title', 'desc', 'metadata'],
  ...['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'image'],
  ...['text', 'tspan', 'textPath'],
  ...['linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker'],
  // SVG 2 paint servers Inkscape writes (browsers ignore them).
  ...['meshgradient', 'meshrow', 'meshpatch', 'hatch', 'hatchpath', 'solidcolor'],
  'filter',
  ...FILTER_PRIMITIVES,
  'style',
  'mpath',
  ...ANIMATION_ELEMENTS,
]);

const PRESENTATION_ATTRIBUTES = [
  ...['alignment-baseline', 'baseline-shift', 'clip', 'clip-path', 'clip-rule', 'color'],
  ...['color-interpolation', 'color-interpolation-filters', 'color-profile', 'color-rendering'],
  ...['cursor', 'direction', 'display', 'dominant-baseline', 'enable-background'],
  ...['fill', 'fill-opacity', 'fill-rule', 'filter', 'flood-color', 'flood-opacity'],
  ...['font', 'font-family', 'font-size', 'font-size-adjust', 'font-stretch', 'font-style'],
  ...['font-variant', 'font-weight', 'glyph-orientation-horizontal'],
  ...['glyph-orientation-vertical', 'image-rendering', 'isolation', 'kerning'],
  ...['letter-spacing', 'lighting-color', 'marker', 'marker-end', 'marker-mid', 'marker-start'],
  ...['mask', 'mask-type', 'mix-blend-mode', 'opacity', 'overflow', 'paint-order'],
  ...['pointer-events', 'shape-rendering', 'solid-color', 'solid-opacity', 'stop-color'],
  ...['stop-opacity', 'stroke', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-linecap'],
  ...['stroke-linejoin', 'stroke-miterlimit', 'stroke-opacity', 'stroke-width', 'text-anchor'],
  ...['text-decoration', 'text-rendering', 'transform-origin', 'unicode-bidi'],
  ...['vector-effect', 'visibility', 'word-spacing', 'writing-mode'],
];

const GEOMETRY_ATTRIBUTES = [
  ...['x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'fr', 'z'],
  ...['width', 'height', 'd', 'points', 'pathLength', 'transform', 'viewBox'],
  ...['preserveAspectRatio', 'dx', 'dy', 'rotate', 'lengthAdjust', 'textLength'],
  ...['startOffset', 'method', 'spacing', 'side', 'path'],
];

const PAINT_AND_FILTER_ATTRIBUTES = [
  ...['gradientUnits', 'gradientTransform', 'spreadMethod', 'offset', 'patternUnits'],
  ...['patternContentUnits', 'patternTransform', 'clipPathUnits', 'maskUnits'],
  ...['maskContentUnits', 'markerUnits', 'markerWidth', 'markerHeight', 'refX', 'refY'],
  ...['orient', 'filterUnits', 'primitiveUnits', 'filterRes', 'in', 'in2', 'result'],
  ...['stdDeviation', 'operator', 'k1', 'k2', 'k3', 'k4', 'mode', 'type', 'values'],
  ...['tableValues', 'slope', 'intercept', 'amplitude', 'exponent', 'scale'],
  ...['xChannelSelector', 'yChannelSelector', 'baseFrequency', 'numOctaves', 'seed'],
  ...['stitchTiles', 'radius', 'kernelMatrix', 'order', 'divisor', 'bias', 'targetX'],
  ...['targetY', 'edgeMode', 'preserveAlpha', 'kernelUnitLength', 'surfaceScale'],
  ...['diffuseConstant', 'specularConstant', 'specularExponent', 'azimuth', 'elevation'],
  ...['pointsAtX', 'pointsAtY', 'pointsAtZ', 'limitingConeAngle', 'crossorigin'],
];

const ANIMATION_ATTRIBUTES = [
  ...['attributeName', 'attributeType', 'begin', 'dur', 'end', 'min', 'max', 'restart'],
  ...['repeatCount', 'repeatDur', 'calcMode', 'keyTimes', 'keySplines', 'from', 'to', 'by'],
  ...['additive', 'accumulate', 'keyPoints', 'origin'],
];

const DOCUMENT_ATTRIBUTES = [
  ...['id', 'class', 'style', 'lang', 'tabindex', 'role', 'focusable', 'version'],
  ...['baseProfile', 'contentScriptType', 'contentStyleType', 'zoomAndPan', 'media'],
  ...['title', 'requiredFeatures', 'requiredExtensions', 'systemLanguage'],
  ...['externalResourcesRequired', 'href'],
];

/** Attributes in no namespace that an allowed SVG element may carry (see also `data-`, `aria-`). */
export const SVG_ATTRIBUTES: ReadonlySet<string> = new Set([
  ...PRESENTATION_ATTRIBUTES,
  ...GEOMETRY_ATTRIBUTES,
  ...PAINT_AND_FILTER_ATTRIBUTES,
  ...ANIMATION_ATTRIBUTES,
  ...DOCUMENT_ATTRIBUTES,
]);

/** `data-*` and `aria-*` are inert text: exports name layers in them (`data-name`). */
export const isAllowedSvgAttribute = (local: string): boolean =>
  SVG_ATTRIBUTES.has(local) || /^(?:data|aria)-[a-z0-9_.-]+$/i.test(local);
