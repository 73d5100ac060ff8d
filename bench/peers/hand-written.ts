// The ten peer rules by hand, as a TypeScript developer would write them: the practical limit.
// Returns a bit mask of the violated rules (bit 0 = rule 1).

interface Action {
  automated?: boolean
  userSelectsEach?: boolean
}
interface Profile {
  privacyPolicyUrl?: string | null
  integrationTypes?: string[]
  audience?: { minimumAge?: number; intendedForChildren?: boolean }
  credentials?: { byok?: boolean; byokStorage?: string; collectsPinterestPasswords?: boolean }
  data?: { storesApiData?: boolean; storedDataKinds?: string[]; sharesWithThirdParties?: boolean; usedForOffPinterestAdTargeting?: boolean }
  actions?: Action[]
  publishing?: { republishesPins?: boolean; linksBackToPin?: boolean; attributesPinterest?: boolean }
  advertising?: { reportsLastClickAttribution?: boolean; showsMultiTouchAlongside?: boolean }
}

const ALLOWED = new Set(['advertising', 'audience', 'content_marketing', 'creative', 'creator_platform', 'dynamic_creative', 'feed_management', 'merchant_platform', 'measurement', 'shoppable_experience'])

export function violated(p: Profile): number {
  let mask = 0
  const audience = p.audience
  if ((audience?.minimumAge ?? 99) < 13 || audience?.intendedForChildren === true) mask |= 1
  const credentials = p.credentials
  if (credentials?.byok === true && credentials.byokStorage !== 'local') mask |= 2
  if (credentials?.collectsPinterestPasswords === true) mask |= 4
  const data = p.data
  if (data?.storesApiData === true && (data.storedDataKinds ?? []).some((kind) => kind !== 'campaign_analytics')) mask |= 8
  if ((p.actions ?? []).some((action) => action.automated === true && action.userSelectsEach !== true)) mask |= 16
  const publishing = p.publishing
  if (publishing?.republishesPins === true && !(publishing.linksBackToPin === true && publishing.attributesPinterest === true)) mask |= 32
  if (p.advertising?.reportsLastClickAttribution === true && p.advertising.showsMultiTouchAlongside !== true) mask |= 64
  if (p.privacyPolicyUrl == null || !p.privacyPolicyUrl.startsWith('https://')) mask |= 128
  if (data?.sharesWithThirdParties === true || data?.usedForOffPinterestAdTargeting === true) mask |= 256
  const types = p.integrationTypes ?? []
  if (types.length === 0 || types.some((type) => !ALLOWED.has(type))) mask |= 512
  return mask
}
