/** Real-world SVG exports that must ship, and a shell to wrap hostile content in. */

export const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">';
export const inSvg = (inner: string): string => `${SVG_OPEN}${inner}</svg>`;

export const PLAIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24">' +
  '<circle cx="12" cy="12" r="10" fill="#0a5"/><path d="M7 12l3 3 7-7" stroke="#fff"/></svg>\n';

// A 1×1 PNG, as exports embed raster pieces.
const PNG_DATA =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** As Inkscape 1.3 saves a logo (Inkscape SVG, not plain), metadata and all. */
export const INKSCAPE_LOGO = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->

<svg
   width="120mm"
   height="40mm"
   viewBox="0 0 120 40"
   version="1.1"
   id="svg1"
   inkscape:version="1.3.2 (091e20ef0f, 2023-11-25)"
   sodipodi:docname="logo-oim.svg"
   inkscape:export-filename="C:\\Users\\presse\\Desktop\\logo.png"
   inkscape:export-xdpi="96"
   inkscape:export-ydpi="96"
   xml:space="preserve"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink"
   xmlns="http://www.w3.org/2000/svg"
   xmlns:svg="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
   xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/"><title
     id="title1">OIM — Organisation internationale pour les migrations</title><sodipodi:namedview
     id="namedview1"
     pagecolor="#ffffff"
     bordercolor="#000000"
     borderopacity="0.25"
     inkscape:showpageshadow="2"
     inkscape:pageopacity="0.0"
     inkscape:pagecheckerboard="0"
     inkscape:deskcolor="#d1d1d1"
     inkscape:document-units="mm"
     inkscape:zoom="1.4142136"
     inkscape:cx="226.27417"
     inkscape:cy="75.660426"
     inkscape:window-width="1920"
     inkscape:window-height="1011"
     inkscape:window-x="0"
     inkscape:window-y="32"
     inkscape:window-maximized="1"
     inkscape:current-layer="layer1"><inkscape:page
       x="0"
       y="0"
       width="120"
       height="40"
       id="page2"
       margin="0"
       bleed="0" /><inkscape:grid
       id="grid1"
       units="mm"
       originx="0"
       originy="0"
       spacingx="1"
       spacingy="1"
       empcolor="#0099e5"
       empopacity="0.30196078"
       color="#0099e5"
       opacity="0.14901961"
       empspacing="5"
       dotted="false"
       gridanglex="30"
       gridanglez="30"
       visible="false" /></sodipodi:namedview><defs
     id="defs1"><linearGradient
       id="linearGradient2"
       inkscape:collect="always"><stop
         style="stop-color:#0033a0;stop-opacity:1;"
         offset="0"
         id="stop1" /><stop
         style="stop-color:#418fde;stop-opacity:1;"
         offset="1"
         id="stop2" /></linearGradient><linearGradient
       inkscape:collect="always"
       xlink:href="#linearGradient2"
       id="linearGradient3"
       x1="4"
       y1="20"
       x2="36"
       y2="20"
       gradientUnits="userSpaceOnUse" /><clipPath
       clipPathUnits="userSpaceOnUse"
       id="clipPath1"><circle
         style="fill:#000000;stroke-width:0.264583"
         id="circle1"
         cx="20"
         cy="20"
         r="16" /></clipPath><filter
       style="color-interpolation-filters:sRGB"
       inkscape:label="Drop Shadow"
       id="filter1"
       x="-0.1"
       y="-0.1"
       width="1.2"
       height="1.2"><feFlood
         flood-opacity="0.3"
         flood-color="rgb(0,0,0)"
         result="flood"
         id="feFlood1" /><feComposite
         in="flood"
         in2="SourceGraphic"
         operator="in"
         result="composite1"
         id="feComposite1" /><feGaussianBlur
         in="composite1"
         stdDeviation="0.5"
         result="blur"
         id="feGaussianBlur1" /><feOffset
         dx="0.5"
         dy="0.5"
         result="offset"
         id="feOffset1" /><feComposite
         in="SourceGraphic"
         in2="offset"
         operator="over"
         result="composite2"
         id="feComposite2" /></filter></defs><metadata
     id="metadata1"><rdf:RDF><cc:Work
         rdf:about=""><dc:format>image/svg+xml</dc:format><dc:type
           rdf:resource="http://purl.org/dc/dcmitype/StillImage" /><dc:title>Logo OIM</dc:title><dc:creator><cc:Agent><dc:title>Service de presse</dc:title></cc:Agent></dc:creator><cc:license
           rdf:resource="http://creativecommons.org/licenses/by-nd/4.0/" /></cc:Work><cc:License
         rdf:about="http://creativecommons.org/licenses/by-nd/4.0/"><cc:permits
           rdf:resource="http://creativecommons.org/ns#Reproduction" /></cc:License></rdf:RDF></metadata><g
     inkscape:label="Calque 1"
     inkscape:groupmode="layer"
     id="layer1"><circle
       style="fill:url(#linearGradient3);fill-opacity:1;stroke:none;filter:url(#filter1)"
       id="path1"
       cx="20"
       cy="20"
       r="16" /><path
       style="fill:none;stroke:#ffffff;stroke-width:1.5;stroke-linecap:round"
       d="m 10,20 c 5,-8 15,-8 20,0 c -5,8 -15,8 -20,0 z"
       id="path2"
       sodipodi:nodetypes="cccc"
       inkscape:connector-curvature="0"
       clip-path="url(#clipPath1)" /><image
       width="4"
       height="4"
       preserveAspectRatio="none"
       xlink:href="data:image/png;base64,${PNG_DATA}"
       id="image1"
       x="18"
       y="18" /><text
       xml:space="preserve"
       style="font-size:11.2889px;font-family:'Source Sans 3';-inkscape-font-specification:'Source Sans 3 Bold';fill:#0033a0"
       x="42"
       y="24.5"
       id="text1"><tspan
         sodipodi:role="line"
         id="tspan1"
         x="42"
         y="24.5">OIM · IOM</tspan></text></g></svg>
`;

/** As Adobe Illustrator's "Export As… SVG" writes one (no editing data kept). */
export const ILLUSTRATOR_LOGO = `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 28.1.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Calque_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
\t viewBox="0 0 200 60" style="enable-background:new 0 0 200 60;" xml:space="preserve">
<style type="text/css">
\t.st0{fill:url(#SVGID_1_);}
\t.st1{fill:#1D1D1B;}
\t.st2{font-family:'Inter-Bold';}
</style>
<linearGradient id="SVGID_1_" gradientUnits="userSpaceOnUse" x1="0" y1="30" x2="60" y2="30">
\t<stop  offset="0" style="stop-color:#E30613"/>
\t<stop  offset="1" style="stop-color:#951B81"/>
</linearGradient>
<g id="Symbole" data-name="Symbole">
\t<polygon class="st0" points="30,5 55,50 5,50 \t"/>
</g>
<text transform="matrix(1 0 0 1 70 40)" class="st1 st2" style="font-size:28px;">Société</text>
</svg>
`;
