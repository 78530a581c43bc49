import type { CivilDate, ClockTime, LocaleDefinition } from './types.js';
import { twoDigits } from './types.js';

const MONTHS = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
] as const;

/**
 * Portuguese (Brazilian usage, which IOM's and the UN's Portuguese releases follow:
 * brazil.iom.int, brasil.un.org). Sources: Manual da Redação da Folha de S.Paulo (months
 * in lower case, "3 de setembro de 2026", times "10h" and "10h30" with no space, "às");
 * Acordo Ortográfico de 1990 (“aspas duplas”, ‘simples’ inside). "Sobre {org}" without an
 * article, since the article depends on the name's gender.
 */
export const portuguese: LocaleDefinition = {
  labels: {
    lang: 'pt',
    kind: 'Comunicado à imprensa',
    contact: { one: 'Contato para a imprensa', other: 'Contatos para a imprensa' },
    about: 'Sobre {org}',
    immediateRelease: 'PARA DIVULGAÇÃO IMEDIATA',
    embargoedUntil: 'SOB EMBARGO ATÉ {date}',
    page: 'Página {n} de {total}',
    endMark: '###',
    phoneExtension: 'ramal',
    phone: 'Tel.',
    email: 'E-mail',
    website: 'Site',
    download: 'Baixar',
    photo: 'Foto',
    photoCredit: 'Crédito da foto',
    mediaAssets: 'Material para a imprensa',
    published: 'Publicado em {date}',
    updated: 'Atualizado em {date}',
    correction: 'Correção: {text}',
    draft: 'RASCUNHO — NÃO PUBLICAR',
    withdrawnOn: 'Este comunicado de imprensa foi retirado em {date}.',
    withdrawnReason: 'Motivo: {reason}',
    table: 'Tabela',
    pressKit: 'Kit de imprensa',
    downloadPressKit: 'Baixar o kit de imprensa',
    pdfVersion: 'Versão em PDF',
    textVersion: 'Versão em texto',
    addToContacts: 'Adicionar aos contatos',
    scanToAdd: 'Escaneie para adicionar o contato',
    tags: 'Palavras-chave',
    skipToContent: 'Ir para o conteúdo',
  },
  date,
  time,
  dateTime(day, clock) {
    const article = clock.hour === 1 ? 'à' : 'às';
    return `${date(day, true)}, ${article} ${time(clock)}`;
  },
};

function date({ year, month, day }: CivilDate, withYear: boolean): string {
  // "1º de setembro": the Folha and the ABL write the first of the month as an ordinal.
  const text = `${day === 1 ? '1º' : day} de ${MONTHS[month - 1] ?? ''}`;
  return withYear ? `${text} de ${year}` : text;
}

function time({ hour, minute }: ClockTime): string {
  return minute === 0 ? `${hour}h` : `${hour}h${twoDigits(minute)}`;
}
