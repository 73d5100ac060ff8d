// Plain text as copied from a web page, on real documents: Mozilla's legal documents in English and Dutch, made plain
// text (test/fixtures/plain-text/README.md). The headings found are the Markdown's, the date line is the effective
// date, nothing is refused.
import { describe, expect, it } from 'vitest'
import type { ParsedDocument } from '../../src/text/document.js'
import { HEADING_MAX_CHARS, HEADING_MAX_WORDS, parseText } from '../../src/ingest/parse-text.js'
import { readRepo } from '../helpers.js'

interface Expected {
  /** The Markdown's headings in order, the title (H1) first; a heading inside an ordered list item as `1. Title`. */
  headings: string[]
  /** Headings of the Markdown longer than a heading's shape allows: read as paragraphs, unless named in the hints. */
  tooLong: string[]
  effective?: { effective: string; effectiveText: string }
}

const CORPUS: Record<'en' | 'nl', Record<string, Expected>> = {
  en: {
    firefox_cloud_services_tos: {
      headings: [
        'Mozilla Accounts Terms of Service', 'Summary', 'Terms of Service', '1. Introduction', '2. Mozilla Accounts', '3. Services',
        '4. Privacy Policy', '5. Communications', '6. Your Content in Our Services', "7. Mozilla's Proprietary Rights", '8. Term; Termination',
        '9. Indemnification', '10. Disclaimer; Limitation of Liability', '11. Modifications to these Terms', '12. Miscellaneous',
      ],
      tooLong: [],
      effective: { effective: '2025-06-10', effectiveText: 'Last Updated June 10, 2025' },
    },
    mdn_plus_terms: {
      headings: [
        'MDN Plus Terms of Service', 'You Must Be Eligible to Use the Service', 'Your Privacy', 'Permissions Necessary to Provide the Service',
        'Your Payment', 'You May Cancel Your Subscription at Any Time', 'You Are Responsible For the Consequences of Your Use of the Service',
        'Updating or Ending These Terms', 'Contact Mozilla:',
      ],
      tooLong: ['You Are Responsible For the Consequences of Your Use of the Service'],
      effective: { effective: '2023-11-01', effectiveText: 'Version 1.2, Effective November 1, 2023' },
    },
    mozilla_privacy_policy: {
      headings: [
        'Mozilla Privacy Policy', 'What do we mean by "personal information?"', 'How do we learn information about you?',
        'What do we do with your information once we have it?', 'When do we share your information with others?',
        'How do we store and protect your personal information?', 'What if we change this privacy policy or any of our privacy notices?',
      ],
      tooLong: ['What do we do with your information once we have it?', 'What if we change this privacy policy or any of our privacy notices?'],
      effective: { effective: '2020-09-09', effectiveText: 'September 9, 2020' },
    },
    report_infringement: {
      headings: [
        'Report Copyright or Trademark Infringement', 'Copyright Notices', 'How do you file a DMCA Notice?', 'Where do you send the DMCA Notice?',
        'What happens after sending the DMCA Notice?', 'What happens if you receive a DMCA Notification?', 'How do you file a DMCA Counter Notification?',
        'What happens after sending the DMCA Counter Notification?', 'Trademark Notices',
      ],
      tooLong: [],
    },
    focus_privacy_notice: {
      headings: [
        'Firefox Focus and Firefox Klar Privacy Notice', 'At Mozilla, we believe that privacy is fundamental to a healthy internet',
        'How Mozilla processes your data', 'To provide you with the Firefox Focus and Klar browser', 'To provide and improve search functionality',
        'To maintain and improve performance and stability', 'To improve security', 'To understand usage of Firefox Focus', 'How we share your personal data',
        'International transfers of data', 'Your rights and choices', 'Your rights', 'Your choices', 'Applicability (Focus / Klar version)', 'Changes',
        'Types of data defined', 'Lawful basis', 'Privacy notices for search providers',
      ],
      tooLong: ['At Mozilla, we believe that privacy is fundamental to a healthy internet'],
      effective: { effective: '2025-04-22', effectiveText: 'Effective April 22, 2025' },
    },
  },
  nl: {
    firefox_cloud_services_tos: {
      headings: [
        'Servicevoorwaarden van de Mozilla-accounts', 'Overzicht', 'Servicevoorwaarden', '1. Inleiding', '2. Mozilla-accounts', '3. Services',
        '4. Privacybeleid', '5. Communicatie', '6. Uw content in onze Services', '7. Eigendomsrechten van Mozilla', '8. Termijn; Beëindiging',
        '9. Vrijwaring', '10. Disclaimer; Beperking van aansprakelijkheid', '11. Wijziging van de Voorwaarden', '12. Diversen',
      ],
      tooLong: [],
      effective: { effective: '2025-06-10', effectiveText: 'Laatst bij gewerkt op dinsdag 10 juni 2025' },
    },
    mdn_plus_terms: {
      headings: [
        'Servicevoorwaarden van MDN Plus', 'U moet in aanmerking komen om de Service te gebruiken', 'Uw privacy',
        'Benodigde toestemmingen voor het verzorgen van de Service', 'Uw Betaling', 'U kunt uw abonnement op elk gewenst moment opzeggen',
        'U bent aansprakelijk voor de gevolgen van uw gebruik van de Service', 'Updates of beëindiging van deze voorwaarden', 'Contact met Mozilla:',
      ],
      tooLong: ['U bent aansprakelijk voor de gevolgen van uw gebruik van de Service'],
      effective: { effective: '2023-11-01', effectiveText: 'Versie 1.2, van kracht vanaf woensdag 1 november 2023' },
    },
    mozilla_privacy_policy: {
      headings: [
        'Mozilla-privacybeleid', 'Wat bedoelen we met persoonlijke gegevens?', 'Hoe komen we aan gegevens over u?',
        'Wat doen we met uw gegevens wanneer we daar over beschikken?', 'Wanneer delen we uw gegevens met anderen?',
        'Hoe slaan we uw persoonlijke gegevens op en hoe beschermen we uw persoonlijke gegevens?',
        'Wat als we dit privacybeleid of een van onze verklaringen wijzigen?',
      ],
      tooLong: [
        'Wat doen we met uw gegevens wanneer we daar over beschikken?',
        'Hoe slaan we uw persoonlijke gegevens op en hoe beschermen we uw persoonlijke gegevens?',
        'Wat als we dit privacybeleid of een van onze verklaringen wijzigen?',
      ],
      effective: { effective: '2020-09-09', effectiveText: 'woensdag 9 september 2020' },
    },
    report_infringement: {
      headings: [
        'Inbreuk op auteursrecht of handelsmerken melden', 'Kennisgevingen over auteursrecht', 'Hoe dient u een DMCA-kennisgeving in?',
        'Waar stuurt u de DMCA-kennisgeving naartoe?', 'Wat gebeurt er nadat ik de DMCA-kennisgeving heb verzonden?',
        'Wat gebeurt er als u een DMCA-kennisgeving ontvangt?', 'Hoe dient u een DMCA-tegenkennisgeving in?',
        'Wat gebeurt er na het verzenden van de DMCA-tegenkennisgeving?', 'Kennisgevingen over handelsmerken',
      ],
      tooLong: [],
    },
    focus_privacy_notice: {
      headings: [
        'Privacyverklaring van Firefox Focus en Firefox Klar', 'Bij Mozilla zijn we ervan overtuigd dat privacy van essentieel belang is voor een gezond internet',
        'Hoe Mozilla uw gegevens verwerkt', 'U voorzien van de Firefox Focus- en Klar-browser', 'Zoekfunctionaliteit bieden en verbeteren',
        'Voor het handhaven en verbeteren van prestaties en stabiliteit', 'Het verbeteren van beveiliging', 'Het doorgronden van het gebruik van Firefox Focus',
        'Hoe we uw persoonlijke gegevens delen', 'Internationale gegevensoverdrachten', 'Uw rechten en keuzemogelijkheden', 'Uw rechten',
        'Uw keuzemogelijkheden', 'Toepasselijkheid (Focus/Klar-versie)', 'Wijzigen', 'Gedefinieerde gegevenstypen', 'Wettelijke basis',
        'Privacyverklaringen voor leveranciers van zoekservices',
      ],
      tooLong: ['Bij Mozilla zijn we ervan overtuigd dat privacy van essentieel belang is voor een gezond internet'],
      effective: { effective: '2025-04-22', effectiveText: 'Van kracht vanaf dinsdag 22 april 2025' },
    },
  },
}

const headings = (document: ParsedDocument) =>
  document.blocks.filter((block) => block.form === 'heading').map((block) => (block.number === undefined ? block.text : `${block.number}. ${block.text}`))

describe('plain text copied from web pages: Mozilla’s legal documents', () => {
  for (const [locale, documents] of Object.entries(CORPUS)) {
    for (const [name, expected] of Object.entries(documents)) {
      describe(`${locale}/${name}`, async () => {
        const text = await readRepo(`test/fixtures/plain-text/${locale}/${name}.txt`)
        const document = parseText(text, `${locale}/${name}.txt`)

        it('finds the Markdown’s headings, all but those too long for a heading', () => {
          expect(headings(document)).toEqual(expected.headings.filter((heading) => !expected.tooLong.includes(heading)))
          for (const heading of expected.tooLong) {
            expect(heading.length > HEADING_MAX_CHARS || heading.split(' ').length > HEADING_MAX_WORDS, heading).toBe(true)
            expect(document.blocks.find((block) => block.text === heading)?.form, heading).toBe('paragraph')
          }
        })

        it('reads the effective date from the date line, which is no block', () => {
          expect(document.meta).toEqual(expected.effective)
          if (expected.effective) expect(document.blocks.some((block) => block.text.includes(expected.effective!.effectiveText))).toBe(false)
        })

        it('gives every heading a level and no block an empty text', () => {
          for (const block of document.blocks) {
            expect(block.text).not.toBe('')
            expect(block.level).toBe(block.form === 'heading' ? 1 : undefined)
          }
        })
      })
    }
  }

  it('keeps the ordered lists of sentences as items and the numbered headings’ numbers apart', async () => {
    const document = parseText(await readRepo('test/fixtures/plain-text/en/report_infringement.txt'), 'report_infringement.txt')
    const items = document.blocks.filter((block) => block.form === 'item')
    expect(items).toHaveLength(11)
    expect(items[0]!.text).toMatch(/^A physical or electronic signature/)
    const cloud = parseText(await readRepo('test/fixtures/plain-text/nl/firefox_cloud_services_tos.txt'), 'firefox_cloud_services_tos.txt')
    expect(cloud.blocks.filter((block) => block.number !== undefined).map((block) => block.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'])
  })
})
