/**
 * The words `init` and `new` write into a project, in the languages presskit's locales
 * know. Another language gets English words (and `init` says so).
 */
export interface ExampleWords {
  lang: string;
  /** The organisation's name when `init --org` gives none. */
  organization: string;
  /** The press office contact `init` puts in the config. */
  pressOffice: (organization: string) => string;
  /** What `new` writes as the body, for the author to replace. */
  placeholder: string;
  /** `init`'s example release, which builds as written. */
  example: (organization: string) => {
    slug: string;
    title: string;
    dateline: string;
    summary: string;
    body: string;
  };
}

const EN: ExampleWords = {
  lang: 'en',
  organization: 'Example Organisation',
  pressOffice: (organization) => `${organization} press office`,
  placeholder:
    'Write the lead here: who, what, when, where and why, in one or two sentences.\n\n' +
    'Then the body, in Markdown: paragraphs, **bold**, [links](https://www.example.org), lists, ' +
    'and quotes with the name and title of who said them.\n',
  example: (organization) => ({
    slug: 'first-release',
    title: `${organization} opens its online newsroom`,
    dateline: 'Brussels',
    summary: `${organization} now publishes every press release as a press kit: a web page, a PDF, a plain-text version and contact cards, in one download.`,
    body:
      `${organization} today opened its online newsroom, where journalists find each press release as a complete press kit.\n\n` +
      'Every kit holds the release as a web page that works offline, a PDF ready to print, a plain-text version for wire services, and the contact cards of the press office, with checksums to verify the download.\n\n' +
      '“This is an example quote, with the name and title of who said it,” said Ana Example, spokesperson.\n',
  }),
};

const FR: ExampleWords = {
  lang: 'fr',
  organization: 'Organisation Exemple',
  pressOffice: (organization) => `Service de presse, ${organization}`,
  placeholder:
    'Écrivez ici le chapeau : qui, quoi, quand, où et pourquoi, en une ou deux phrases.\n\n' +
    'Puis le corps du texte, en Markdown : paragraphes, **gras**, [liens](https://www.example.org), listes, ' +
    'et citations avec le nom et la fonction de leur auteur.\n',
  example: (organization) => ({
    slug: 'premier-communique',
    title: `${organization} ouvre sa salle de presse en ligne`,
    dateline: 'Bruxelles',
    summary: `${organization} publie désormais chaque communiqué sous forme de dossier de presse : une page web, un PDF, une version texte et des fiches de contact, en un seul téléchargement.`,
    body:
      `${organization} a ouvert aujourd’hui sa salle de presse en ligne, où les journalistes trouvent chaque communiqué sous forme de dossier de presse complet.\n\n` +
      'Chaque dossier contient le communiqué en page web lisible hors ligne, un PDF prêt à imprimer, une version texte pour les agences et les fiches de contact du service de presse, avec des sommes de contrôle pour vérifier le téléchargement.\n\n' +
      '« Ceci est une citation d’exemple, avec le nom et la fonction de son auteur », a déclaré Ana Exemple, porte-parole.\n',
  }),
};

const ES: ExampleWords = {
  lang: 'es',
  organization: 'Organización Ejemplo',
  pressOffice: (organization) => `Oficina de prensa, ${organization}`,
  placeholder:
    'Escriba aquí la entradilla: quién, qué, cuándo, dónde y por qué, en una o dos frases.\n\n' +
    'Después el cuerpo, en Markdown: párrafos, **negrita**, [enlaces](https://www.example.org), listas ' +
    'y citas con el nombre y el cargo de quien las dijo.\n',
  example: (organization) => ({
    slug: 'primer-comunicado',
    title: `${organization} abre su sala de prensa en línea`,
    dateline: 'Bruselas',
    summary: `${organization} publica ahora cada comunicado como dosier de prensa: una página web, un PDF, una versión en texto y fichas de contacto, en una sola descarga.`,
    body:
      `${organization} abrió hoy su sala de prensa en línea, donde los periodistas encuentran cada comunicado como un dosier de prensa completo.\n\n` +
      'Cada dosier contiene el comunicado como página web que funciona sin conexión, un PDF listo para imprimir, una versión en texto para las agencias y las fichas de contacto de la oficina de prensa, con sumas de verificación para comprobar la descarga.\n\n' +
      '«Esta es una cita de ejemplo, con el nombre y el cargo de quien la dijo», declaró Ana Ejemplo, portavoz.\n',
  }),
};

const AR: ExampleWords = {
  lang: 'ar',
  organization: 'منظمة مثال',
  pressOffice: (organization) => `المكتب الصحفي، ${organization}`,
  placeholder:
    'اكتب هنا الفقرة الاستهلالية: من، وماذا، ومتى، وأين، ولماذا، في جملة أو جملتين.\n\n' +
    'ثم نص البيان بلغة Markdown: فقرات، و**خط عريض**، و[روابط](https://www.example.org)، وقوائم، ' +
    'واقتباسات مع اسم قائلها وصفته.\n',
  example: (organization) => ({
    // A slug is Latin letters (see SLUG): the kit's address stays typable everywhere.
    slug: 'first-release',
    title: `${organization}: افتتاح غرفة الأخبار على الإنترنت`,
    dateline: 'بروكسل',
    summary: `تنشر ${organization} الآن كل بيان صحفي في ملف صحفي: صفحة ويب، وملف PDF، ونسخة نصية، وبطاقات اتصال، في تنزيل واحد.`,
    body:
      `افتتحت ${organization} اليوم غرفة الأخبار على الإنترنت، حيث يجد الصحفيون كل بيان صحفي في ملف صحفي كامل.\n\n` +
      'يضم كل ملف البيان في صفحة ويب تعمل دون اتصال بالإنترنت، وملف PDF جاهزًا للطباعة، ونسخة نصية لوكالات الأنباء، وبطاقات الاتصال الخاصة بالمكتب الصحفي، مع مجاميع اختبارية للتحقق من التنزيل.\n\n' +
      '«هذا اقتباس على سبيل المثال، مع اسم قائله وصفته»، قالت آنا مثال، المتحدثة الرسمية.\n',
  }),
};

const WORDS: readonly ExampleWords[] = [EN, FR, ES, AR];

/** The words for a language tag (`fr-BE` → French), or English when there are none. */
export function wordsFor(lang: string): ExampleWords {
  const primary = lang.split('-')[0]?.toLowerCase();
  return WORDS.find((words) => words.lang === primary) ?? EN;
}
