// The Pinterest rules written by hand in TypeScript, as a developer would without diptych: the practical limit
// the compiled predicates are measured against. Same three-valued statuses, same order as policy/pinterest/rules.dip.
// Codes: 0 violated, 1 unknown, 2 attest, 3 satisfied, 4 not applicable.

type Truth = boolean | undefined

const own = Object.prototype.hasOwnProperty
function get(o: unknown, k: string): unknown {
  return o !== null && typeof o === 'object' && !Array.isArray(o) && own.call(o, k) ? (o as Record<string, unknown>)[k] : undefined
}
const b = (v: unknown): Truth => (v === true || v === false ? v : undefined)
const not = (a: Truth): Truth => (a === undefined ? undefined : !a)
const and = (x: Truth, y: Truth): Truth => (x === false || y === false ? false : x === undefined || y === undefined ? undefined : true)
const or = (x: Truth, y: Truth): Truth => (x === true || y === true ? true : x === undefined || y === undefined ? undefined : false)
const implies = (x: Truth, y: Truth): Truth => or(not(x), y)
const eq = (v: unknown, w: string): Truth => (v === undefined ? undefined : v === w)
const lt = (v: unknown, n: number): Truth => (typeof v === 'number' ? v < n : undefined)
const startsWith = (v: unknown, s: string): Truth => (v === undefined ? undefined : typeof v === 'string' && v.startsWith(s))
const contains = (v: unknown, s: string): Truth => (v === undefined ? undefined : Array.isArray(v) ? v.includes(s) : typeof v === 'string' && v.includes(s))
function some(list: unknown, body: (item: unknown) => Truth): Truth {
  if (!Array.isArray(list)) return undefined
  let result: Truth = false
  for (const item of list) {
    const value = body(item)
    if (value === true) return true
    if (value === undefined) result = undefined
  }
  return result
}
function every(list: unknown, body: (item: unknown) => Truth): Truth {
  if (!Array.isArray(list)) return undefined
  let result: Truth = true
  for (const item of list) {
    const value = body(item)
    if (value === false) return false
    if (value === undefined) result = undefined
  }
  return result
}
const must = (g: Truth, p: Truth): number => (g === false ? 4 : p === true ? 3 : p === false && g === true ? 0 : 1)
const mustNot = (g: Truth, p: Truth): number => (g === false ? 4 : p === false ? 3 : p === true && g === true ? 0 : 1)
const may = (g: Truth, p: Truth): number => (g === false ? 4 : g === undefined || p === undefined ? 1 : p ? 3 : 4)
const attest = (g: Truth, a: unknown): number => (g === false ? 4 : a === true ? 3 : g === undefined ? 1 : a === false ? 0 : 2)

const INTEGRATIONS = ['advertising', 'audience', 'content_marketing', 'creative', 'creator_platform', 'dynamic_creative', 'feed_management', 'merchant_platform', 'measurement', 'shoppable_experience']

/** Every rule's status for one profile. */
export function evaluateAll(p: unknown): Uint8Array {
  const out = new Uint8Array(49)
  const c = get(p, 'credentials')
  const d = get(p, 'data')
  const k = get(p, 'conduct')
  const au = get(p, 'audience')
  const pub = get(p, 'publishing')
  const ad = get(p, 'advertising')
  const att = get(p, 'attestations')
  const actions = get(p, 'actions')
  const types = get(p, 'integrationTypes')
  const byok = b(get(c, 'byok'))
  const republishes = b(get(pub, 'republishesPins'))
  const behavioral = b(get(ad, 'behavioralAdvertising'))
  const adService = b(get(ad, 'providesAdService'))
  out[0] = attest(true, get(att, 'honest-and-transparent'))
  out[1] = mustNot(true, and(b(get(d, 'storesApiData')), some(get(d, 'storedDataKinds'), (kind) => (kind === undefined ? undefined : kind !== 'campaign_analytics'))))
  out[2] = must(true, b(get(c, 'usesAccessTokens')))
  out[3] = mustNot(true, b(get(c, 'collectsPinterestPasswords')))
  out[4] = must(true, b(get(d, 'usedOnlyForAccountOwner')))
  out[5] = mustNot(true, or(b(get(d, 'combinesAcrossAccounts')), b(get(d, 'combinesWithOtherServices'))))
  out[6] = mustNot(true, or(b(get(d, 'sharesWithThirdParties')), b(get(d, 'sellsData'))))
  out[7] = mustNot(true, or(b(get(c, 'sharesApiCredentials')), b(get(c, 'usesOthersApiCredentials'))))
  out[8] = must(byok, eq(get(c, 'byokStorage'), 'local'))
  out[9] = mustNot(byok, or(b(get(c, 'collectsPinterestPasswords')), b(get(c, 'usesSessionCookies'))))
  out[10] = mustNot(true, b(get(k, 'reconnectsRemovedApp')))
  out[11] = attest(true, get(att, 'follows-technical-documentation'))
  out[12] = must(true, startsWith(get(p, 'privacyPolicyUrl'), 'https://'))
  for (let i = 0; i < 10; i++) out[13 + i] = may(true, contains(types, INTEGRATIONS[i]!))
  out[23] = attest(true, get(att, 'not-for-violating-policies'))
  out[24] = must(true, every(actions, (a) => b(get(a, 'userConsented'))))
  out[25] = mustNot(true, some(actions, (a) => and(b(get(a, 'automated')), not(b(get(a, 'userSelectsEach'))))))
  out[26] = must(
    true,
    every(actions, (a) => {
      const kind = get(a, 'kind')
      return implies(and(kind === undefined ? undefined : kind === 'publish_pin' || kind === 'follow', b(get(a, 'automated'))), b(get(a, 'userSelectsEach')))
    }),
  )
  out[27] = mustNot(true, and(b(get(k, 'offersBenchmarking')), not(b(get(k, 'benchmarkingAuthorized')))))
  out[28] = mustNot(true, b(get(k, 'scraping')))
  out[29] = attest(true, get(att, 'honest-relationship'))
  out[30] = mustNot(true, b(get(d, 'usedForOffPinterestAdTargeting')))
  out[31] = mustNot(true, b(get(k, 'testsRateLimits')))
  out[32] = mustNot(true, b(get(k, 'circumventsGeoblocking')))
  out[33] = mustNot(true, b(get(k, 'incentivizesEngagement')))
  out[34] = mustNot(true, b(get(k, 'gathersOwnConsentForApiData')))
  out[35] = mustNot(true, or(b(get(au, 'intendedForChildren')), lt(get(au, 'minimumAge'), 13)))
  out[36] = must(republishes, and(b(get(pub, 'linksBackToPin')), b(get(pub, 'attributesPinterest'))))
  out[37] = mustNot(republishes, b(get(pub, 'appliesFilters')))
  out[38] = mustNot(republishes, b(get(pub, 'createsDerivedContent')))
  out[39] = attest(b(get(ad, 'audienceOnboarding')), get(att, 'audience-onboarding-terms'))
  out[40] = must(behavioral, and(b(get(ad, 'givesBehavioralNotice')), b(get(ad, 'gathersConsents'))))
  out[41] = must(behavioral, b(get(ad, 'givesOptOutInstructions')))
  out[42] = mustNot(behavioral, b(get(ad, 'sendsOptedOutUsers')))
  out[43] = must(behavioral, b(get(ad, 'removesOptedOutRegularly')))
  out[44] = attest(adService, get(att, 'ad-service-terms'))
  out[45] = must(b(get(ad, 'reportsLastClickAttribution')), b(get(ad, 'showsMultiTouchAlongside')))
  out[46] = must(adService, b(get(ad, 'separatesFees')))
  out[47] = must(adService, b(get(ad, 'usesApiDataOnlyForPinterestAds')))
  out[48] = mustNot(true, b(get(k, 'facilitatesSpam')))
  return out
}
