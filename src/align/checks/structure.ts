// The structural checks: emitted by the comparison from the alignment's beads, documented here with examples.
import type { CheckDefinition } from '../findings.js'

const base = '## Data\n\n- Keep your API access credentials private.\n- Do not store information from the API.\n- Do not sell information from the API.\n'

export const missingClause: CheckDefinition = {
  id: 'missing-clause',
  severity: 'error',
  summary: 'A clause of the reference has no counterpart in the translation.',
  example: {
    reference:
      '## Data\n\n- Keep your API access credentials private.\n- Do not store any information accessed through the API, except campaign analytics about your own account; call the API each time instead.\n- Do not sell information from the API.\n',
    translation: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Verkoop geen gegevens van de API.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens op die je via de API hebt verkregen, behalve analytische gegevens over campagnes van je eigen account; gebruik telkens de API.\n- Verkoop geen gegevens van de API.\n',
  },
}

export const extraClause: CheckDefinition = {
  id: 'extra-clause',
  severity: 'error',
  summary: 'A clause of the translation has no counterpart in the reference.',
  example: {
    reference: base,
    translation:
      '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens van de API op.\n- Deel je scherm nooit met collega’s tijdens een vergadering over 2025.\n- Verkoop geen gegevens van de API.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens van de API op.\n- Verkoop geen gegevens van de API.\n',
  },
}

export const mergedClauses: CheckDefinition = {
  id: 'merged-clauses',
  severity: 'error',
  summary: 'Two clauses of the reference are one clause in the translation.',
  example: {
    reference: base,
    translation: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens van de API op en verkoop geen gegevens van de API.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens van de API op.\n- Verkoop geen gegevens van de API.\n',
  },
}

export const splitClause: CheckDefinition = {
  id: 'split-clause',
  severity: 'error',
  summary: 'One clause of the reference is two clauses in the translation.',
  example: {
    reference: '## Data\n\n- Keep your API access credentials private.\n- Do not store or sell any information that you accessed through the API of Pinterest.\n',
    translation: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens op die je via de API van Pinterest hebt verkregen.\n- Verkoop ook geen gegevens.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Sla geen gegevens op die je via de API van Pinterest hebt verkregen en verkoop ze niet.\n',
  },
}

export const movedClause: CheckDefinition = {
  id: 'moved-clause',
  severity: 'warning',
  summary: 'A clause stands at another place in the translation than in the reference.',
  example: {
    reference: '## Data {#data}\n\n- Keep your API access credentials private. {#data.keep}\n- Do not store information from the API. {#data.store}\n- Do not sell information from the API. {#data.sell}\n',
    translation: '## Gegevens {#data}\n\n- Verkoop geen gegevens van de API. {#data.sell}\n- Houd je API-inloggegevens geheim. {#data.keep}\n- Sla geen gegevens van de API op. {#data.store}\n',
    ok: '## Gegevens {#data}\n\n- Houd je API-inloggegevens geheim. {#data.keep}\n- Sla geen gegevens van de API op. {#data.store}\n- Verkoop geen gegevens van de API. {#data.sell}\n',
  },
}

export const headingMismatch: CheckDefinition = {
  id: 'heading-mismatch',
  severity: 'error',
  summary: 'A heading is missing, or aligned with a text that is not a heading.',
  example: {
    reference: '## Data\n\n- Keep your API access credentials private.\n\n## Publishing\n\n- Link Pins back to their source.\n',
    translation: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n- Link pins terug naar hun bron.\n',
    ok: '## Gegevens\n\n- Houd je API-inloggegevens geheim.\n\n## Publiceren\n\n- Link pins terug naar hun bron.\n',
  },
}

export const staleTranslation: CheckDefinition = {
  id: 'stale-translation',
  severity: 'error',
  summary: 'The reference text changed after the translation was made; update the translation (import it again) or confirm it with `diptych confirm <clause> --locale <code>`.',
  example: { reference: '', translation: '', ok: '' },
}

export const releaseIntegrity: CheckDefinition = {
  id: 'release-integrity',
  severity: 'error',
  summary: 'A stored release (policy/<policy>/releases/<version>/) no longer matches the hashes recorded when it was released.',
  example: { reference: '', translation: '', ok: '' },
}
