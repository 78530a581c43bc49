/**
 * A deterministic corpus of realistic press releases for the benchmarks: French, English
 * and Spanish, 300–800 words, quotes, one or two contacts with phones, tags, some under
 * embargo. No images, so that the built index.html files are standalone and can be printed
 * by the bare-puppeteer floor exactly as presskit prints its own print variant.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** mulberry32: a tiny seeded PRNG, so every run generates the same corpus. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LANGS = {
  fr: {
    kind: ['Communiqué de presse', 'Communiqué', 'Note aux rédactions', undefined],
    orgs: [
      ['Agence régionale de l’eau du Bassin rhodanien', 'https://www.eau-rhodanien.example.fr'],
      ['Fondation Lumière pour l’éducation', 'https://fondation-lumiere.example.org'],
      ['Organisation internationale pour les migrations (OIM)', 'https://www.iom.int/fr'],
      ['Coopérative agricole des Hauts-de-Loire', 'https://coop-hautsdeloire.example.fr'],
      ['Institut belge de recherche climatique', 'https://ibrc.example.be'],
    ],
    places: ['Bruxelles', 'Lyon', 'Genève', 'Paris', 'Dakar', 'Montréal', 'Marseille', 'Liège'],
    topics: [
      'la gestion durable de l’eau',
      'l’accès à l’éducation',
      'la transition énergétique',
      'la protection des migrants',
      'la sécurité alimentaire',
      'la recherche sur le climat',
    ],
    people: [
      ['Claire Dubois', 'directrice générale'],
      ['Mamadou Diallo', 'président du conseil d’administration'],
      ['Sophie Van den Berghe', 'ministre de la coopération au développement'],
      ['Jean-Pierre Lefèvre', 'directeur scientifique'],
      ['Élodie Martin', 'responsable des programmes'],
    ],
    contacts: [
      ['Olivia Headon', 'Chargée de communication', '+33 1 42 68 53 00'],
      ['Thomas Girard', 'Attaché de presse', '+33 4 72 10 30 30 poste 214'],
      ['Aïcha Benali', 'Responsable des relations presse', '+32 2 501 85 11'],
      ['Lucie Fontaine', 'Porte-parole', '+41 22 917 12 34'],
      ['Marc Rousseau', 'Service de presse', '+33 6 12 34 56 78'],
    ],
    title: [
      '{org} lance un programme pour {topic}',
      '{place} accueille une conférence internationale sur {topic}',
      'Un nouvel accord renforce {topic} en {year}',
      '{org} publie son rapport annuel sur {topic}',
    ],
    summary:
      '{org} annonce aujourd’hui une initiative de {amount} millions d’euros consacrée à {topic}, avec {n} partenaires.',
    sentences: [
      '{org} a annoncé aujourd’hui le lancement d’un programme de {amount} millions d’euros consacré à {topic}.',
      'Le programme s’étendra sur {n} ans et associera des partenaires publics et privés.',
      'Selon les premières estimations, plus de {big} personnes en bénéficieront directement d’ici {year}.',
      'Cette initiative s’inscrit dans la continuité des engagements pris lors de la conférence de {place}.',
      'Les équipes de terrain travailleront en étroite collaboration avec les autorités locales.',
      'Un comité de suivi indépendant publiera un bilan à mi-parcours.',
      'Les fonds seront répartis entre {n} régions prioritaires, choisies selon des critères transparents.',
      'Depuis sa création, l’organisation a soutenu plus de {big} projets dans {n} pays.',
      'Les résultats détaillés seront présentés lors d’une conférence de presse à {place}.',
      'Cette annonce intervient dans un contexte où {topic} est devenue une priorité pour de nombreux gouvernements.',
      'Les partenaires se sont engagés à partager leurs données et leurs méthodes.',
      'Une attention particulière sera portée aux femmes et aux jeunes, souvent les premiers touchés.',
      'Le calendrier prévoit une première phase pilote dès le printemps {year}.',
      'Les collectivités intéressées peuvent déposer leur candidature jusqu’à la fin de l’année.',
      'Près de {pct} % des budgets seront consacrés à la formation et à l’accompagnement.',
    ],
    quote: (text, person, role) => `« ${text} », a déclaré ${person}, ${role}.`,
    quotes: [
      'Aucune institution ne peut agir seule face à des défis de cette ampleur',
      'Ce partenariat nous rapproche d’un objectif que nous partageons depuis longtemps',
      'Nous voulons des résultats mesurables, et nous rendrons des comptes',
      'C’est une étape importante pour {topic} et pour les populations concernées',
    ],
    headings: ['Un engagement sur le long terme', 'Les prochaines étapes', 'En chiffres'],
    link: 'Le rapport complet est disponible sur [le site de l’organisation]({url}).',
    boilerplate:
      '{org} agit depuis {n} décennies pour {topic}. Elle rassemble des experts de {n} pays.',
  },
  en: {
    kind: ['Press release', 'News release', 'Media advisory', undefined],
    orgs: [
      ['Northern Rivers Water Trust', 'https://www.nrwt.example.org'],
      ['Open Learning Foundation', 'https://openlearning.example.org'],
      ['International Organization for Migration (IOM)', 'https://www.iom.int'],
      ['Greenfield Energy Cooperative', 'https://greenfield.example.com'],
      ['Coastal Climate Research Institute', 'https://ccri.example.ac.uk'],
    ],
    places: ['London', 'New York', 'Geneva', 'Nairobi', 'Toronto', 'Sydney', 'Manchester'],
    topics: [
      'sustainable water management',
      'access to education',
      'the energy transition',
      'safe and orderly migration',
      'food security',
      'climate research',
    ],
    people: [
      ['Sarah Mitchell', 'Chief Executive'],
      ['David Okonkwo', 'Chair of the Board'],
      ['Emily Carter', 'Minister for International Development'],
      ['James O’Connor', 'Research Director'],
      ['Priya Raman', 'Head of Programmes'],
    ],
    contacts: [
      ['Olivia Headon', 'Media Officer', '+1 212 681 7000 ext. 221'],
      ['Ben Harris', 'Press Office', '+44 20 7946 0958'],
      ['Grace Lee', 'Communications Manager', '+1 416 555 0199'],
      ['Tom Walsh', 'Spokesperson', '+61 2 9374 4000'],
      ['Hannah Price', 'Press Officer', '+44 161 496 0123'],
    ],
    title: [
      '{org} launches a programme for {topic}',
      '{place} hosts an international conference on {topic}',
      'New agreement strengthens {topic} from {year}',
      '{org} publishes its annual report on {topic}',
    ],
    summary:
      '{org} today announced a {amount} million dollar initiative on {topic}, with {n} partners.',
    sentences: [
      '{org} today announced a {amount} million dollar programme dedicated to {topic}.',
      'The programme will run for {n} years and bring together public and private partners.',
      'Early estimates suggest that more than {big} people will benefit directly by {year}.',
      'The initiative builds on commitments made at the {place} conference.',
      'Field teams will work closely with local authorities throughout the project.',
      'An independent monitoring committee will publish a mid-term review.',
      'Funding will be shared among {n} priority regions, selected on transparent criteria.',
      'Since it was founded, the organization has supported more than {big} projects in {n} countries.',
      'Detailed results will be presented at a press conference in {place}.',
      'The announcement comes as {topic} has become a priority for many governments.',
      'Partners have committed to sharing their data and methods openly.',
      'Particular attention will be paid to women and young people, who are often hit first.',
      'A first pilot phase is scheduled to start in the spring of {year}.',
      'Interested local authorities can apply until the end of the year.',
      'Nearly {pct}% of the budget will go to training and support.',
    ],
    quote: (text, person, role) => `“${text},” said ${person}, ${role}.`,
    quotes: [
      'No institution can act alone in the face of challenges of this size',
      'This partnership brings us closer to a goal we have shared for a long time',
      'We want measurable results, and we will be held accountable',
      'This is an important step for {topic} and for the people it affects',
    ],
    headings: ['A long-term commitment', 'Next steps', 'Key figures'],
    link: 'The full report is available on [the organization’s website]({url}).',
    boilerplate:
      '{org} has worked for {n} decades on {topic}. It brings together experts from {n} countries.',
  },
  es: {
    kind: ['Comunicado de prensa', 'Nota de prensa', undefined],
    orgs: [
      ['Confederación Hidrográfica del Ebro', 'https://www.chebro.example.es'],
      ['Fundación Aprender Juntos', 'https://aprenderjuntos.example.org'],
      ['Organización Internacional para las Migraciones (OIM)', 'https://www.iom.int/es'],
      ['Cooperativa Energética del Sur', 'https://energiasur.example.es'],
      ['Instituto Latinoamericano del Clima', 'https://ilc.example.mx'],
    ],
    places: ['Madrid', 'Barcelona', 'Ciudad de México', 'Buenos Aires', 'Sevilla', 'Bogotá'],
    topics: [
      'la gestión sostenible del agua',
      'el acceso a la educación',
      'la transición energética',
      'la protección de las personas migrantes',
      'la seguridad alimentaria',
      'la investigación climática',
    ],
    people: [
      ['Lucía Fernández', 'directora general'],
      ['Javier Morales', 'presidente del patronato'],
      ['Carmen Ruiz', 'ministra de Cooperación'],
      ['Andrés Gutiérrez', 'director científico'],
      ['María José Herrera', 'responsable de programas'],
    ],
    contacts: [
      ['Ana Torres', 'Gabinete de prensa', '+34 915 55 12 34'],
      ['Pablo Navarro', 'Responsable de comunicación', '+34 932 41 00 00'],
      ['Sofía Ramírez', 'Portavoz', '+52 55 5080 2000'],
      ['Diego Castro', 'Relaciones con los medios', '+54 11 4320 5500'],
    ],
    title: [
      '{org} lanza un programa para {topic}',
      '{place} acoge una conferencia internacional sobre {topic}',
      'Un nuevo acuerdo refuerza {topic} a partir de {year}',
      '{org} publica su informe anual sobre {topic}',
    ],
    summary:
      '{org} anuncia hoy una iniciativa de {amount} millones de euros dedicada a {topic}, con {n} socios.',
    sentences: [
      '{org} ha anunciado hoy el lanzamiento de un programa de {amount} millones de euros dedicado a {topic}.',
      'El programa se desarrollará durante {n} años y reunirá a socios públicos y privados.',
      'Según las primeras estimaciones, más de {big} personas se beneficiarán directamente antes de {year}.',
      'La iniciativa da continuidad a los compromisos adquiridos en la conferencia de {place}.',
      'Los equipos sobre el terreno trabajarán en estrecha colaboración con las autoridades locales.',
      'Un comité de seguimiento independiente publicará un balance intermedio.',
      'Los fondos se repartirán entre {n} regiones prioritarias, elegidas con criterios transparentes.',
      'Desde su creación, la organización ha apoyado más de {big} proyectos en {n} países.',
      'Los resultados detallados se presentarán en una rueda de prensa en {place}.',
      'El anuncio llega en un momento en que {topic} se ha convertido en una prioridad para muchos gobiernos.',
      'Los socios se han comprometido a compartir sus datos y sus métodos.',
      'Se prestará especial atención a las mujeres y a los jóvenes, a menudo los primeros afectados.',
      'El calendario prevé una primera fase piloto a partir de la primavera de {year}.',
      'Las administraciones locales interesadas pueden presentar su candidatura hasta final de año.',
      'Casi el {pct} % del presupuesto se destinará a formación y acompañamiento.',
    ],
    quote: (text, person, role) => `«${text}», afirmó ${person}, ${role}.`,
    quotes: [
      'Ninguna institución puede actuar sola ante retos de esta magnitud',
      'Esta alianza nos acerca a un objetivo que compartimos desde hace tiempo',
      'Queremos resultados medibles y rendiremos cuentas',
      'Es un paso importante para {topic} y para las personas afectadas',
    ],
    headings: ['Un compromiso a largo plazo', 'Próximos pasos', 'En cifras'],
    link: 'El informe completo está disponible en [la web de la organización]({url}).',
    boilerplate: '{org} trabaja desde hace {n} décadas en {topic}. Reúne a expertos de {n} países.',
  },
};

const MIN_WORDS = 300;
const MAX_WORDS = 800;
const OFFSETS = ['+01:00', '+02:00', '+00:00', '-05:00'];

/** One release: `{ slug, markdown, body }` where body is the Markdown after the frontmatter. */
export function makeRelease(index, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const langCode = pick(['fr', 'fr', 'en', 'en', 'es']);
  const lang = LANGS[langCode];
  const [org, url] = pick(lang.orgs);
  const place = pick(lang.places);
  const topic = pick(lang.topics);
  const year = int(2019, 2026);
  const fill = (template) =>
    template
      .replaceAll('{org}', org)
      .replaceAll('{place}', place)
      .replaceAll('{topic}', topic)
      .replaceAll('{year}', String(year))
      .replaceAll('{url}', url)
      .replaceAll('{amount}', String(int(2, 250)))
      .replaceAll('{n}', String(int(2, 12)))
      .replaceAll('{pct}', String(int(10, 60)))
      .replaceAll('{big}', `${int(1, 900)}${langCode === 'en' ? ',' : ' '}000`);
  const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

  const title = capital(fill(pick(lang.title)));
  const month = String(int(1, 12)).padStart(2, '0');
  const day = String(int(1, 28)).padStart(2, '0');
  const date = `${year}-${month}-${day}`;
  const slug = `${date}-${langCode}-${String(index).padStart(4, '0')}`;

  /** `n` different sentences, filled. */
  const distinct = (n) => {
    const chosen = new Set();
    while (chosen.size < n) chosen.add(pick(lang.sentences));
    return [...chosen].map(fill);
  };
  const targetWords = int(MIN_WORDS, MAX_WORDS);
  const paragraphs = [];
  let words = 0;
  let quotes = 0;
  while (words < targetWords) {
    let paragraph;
    const roll = random();
    if (paragraphs.length > 1 && roll < 0.18 && quotes < 3) {
      const [person, role] = pick(lang.people);
      paragraph = lang.quote(fill(pick(lang.quotes)), person, role);
      quotes++;
    } else if (paragraphs.length > 2 && roll < 0.24) {
      paragraph = `## ${pick(lang.headings)}`;
    } else if (paragraphs.length > 2 && roll < 0.3) {
      paragraph = distinct(int(2, 4))
        .map((sentence) => `- ${sentence}`)
        .join('\n');
    } else {
      paragraph = distinct(int(2, 5)).join(' ');
      if (random() < 0.08) paragraph += ` ${fill(lang.link)}`;
    }
    const count = paragraph.split(/\s+/).length;
    if (words >= MIN_WORDS && words + count > MAX_WORDS) break;
    paragraphs.push(paragraph);
    words += count;
  }
  if (quotes === 0) {
    const [person, role] = pick(lang.people);
    paragraphs.splice(2, 0, lang.quote(fill(pick(lang.quotes)), person, role));
  }
  const body = `${paragraphs.join('\n\n')}\n`;

  const contactCount = random() < 0.4 ? 2 : 1;
  const contacts = [];
  const taken = new Set();
  while (contacts.length < contactCount) {
    const contact = pick(lang.contacts);
    if (taken.has(contact[0])) continue;
    taken.add(contact[0]);
    const [name, role, phone] = contact;
    const user = name
      .normalize('NFD')
      .replace(/[^A-Za-z ]/g, '')
      .toLowerCase()
      .replace(/ +/g, '.');
    contacts.push({ name, role, organization: org, phone, email: `${user}@example.org` });
  }
  const tags = Array.from(
    new Set(Array.from({ length: int(2, 5) }, () => pick([topic, place, org, String(year)]))),
  );

  const y = JSON.stringify; // a JSON string is a valid YAML double-quoted scalar
  const lines = ['---', `title: ${y(title)}`, `lang: ${langCode}`, `date: ${date}`];
  const kind = pick(lang.kind);
  if (kind) lines.push(`kind: ${y(kind)}`);
  lines.push(`dateline: ${y(place)}`);
  if (random() < 0.85) lines.push(`summary: ${y(fill(lang.summary))}`);
  if (random() < 0.2) {
    const hour = String(int(6, 18)).padStart(2, '0');
    lines.push(`embargo: ${date}T${hour}:00:00${pick(OFFSETS)}`);
  }
  lines.push('organization:', `  name: ${y(org)}`, `  url: ${y(url)}`, 'contacts:');
  for (const contact of contacts) {
    lines.push(`  - name: ${y(contact.name)}`);
    for (const field of ['role', 'organization', 'phone', 'email']) {
      lines.push(`    ${field}: ${y(contact[field])}`);
    }
  }
  lines.push('tags:', ...tags.map((tag) => `  - ${y(tag)}`));
  if (random() < 0.5) lines.push(`boilerplate: ${y(fill(lang.boilerplate))}`);
  lines.push('---', '');
  return { slug, lang: langCode, words, markdown: `${lines.join('\n')}\n${body}`, body };
}

/**
 * Writes `count` releases into `<dir>/releases/<slug>.md` and their bare bodies (no
 * frontmatter, which md-to-pdf would read as its own config) into `<dir>/bodies/<slug>.md`.
 */
export async function generateCorpus(dir, count, seed = 20240601) {
  const random = seededRandom(seed);
  const releasesDir = join(dir, 'releases');
  const bodiesDir = join(dir, 'bodies');
  await mkdir(releasesDir, { recursive: true });
  await mkdir(bodiesDir, { recursive: true });
  const releases = [];
  for (let index = 0; index < count; index++) {
    const release = makeRelease(index, random);
    await writeFile(join(releasesDir, `${release.slug}.md`), release.markdown);
    await writeFile(join(bodiesDir, `${release.slug}.md`), release.body);
    releases.push({ slug: release.slug, lang: release.lang, words: release.words });
  }
  return { dir, releases };
}
