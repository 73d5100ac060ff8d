// Seeded generator of app profiles for the benchmarks: mostly complete and compliant, some facts left out, some rules broken.

/** mulberry32: a small seeded PRNG, so every run judges the same profiles. */
export function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const INTEGRATIONS = ['advertising', 'audience', 'content_marketing', 'creative', 'creator_platform', 'dynamic_creative', 'feed_management', 'merchant_platform', 'measurement', 'shoppable_experience']
const KINDS = ['campaign_analytics', 'pins', 'boards', 'user_profile', 'audience_data', 'other']
const ACTIONS = ['publish_pin', 'save_pin', 'follow', 'unfollow', 'comment', 'message', 'edit_profile']

/** `count` profiles from `seed`. */
export function generateProfiles(count, seed = 42) {
  const rnd = random(seed)
  const chance = (p) => rnd() < p
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const profiles = []
  for (let i = 0; i < count; i++) {
    const breaking = chance(0.33)
    const flip = (good) => (breaking && chance(0.06) ? !good : good)
    const maybe = (object) => {
      // Leave a fact out now and then: rules then answer `unknown`.
      for (const key of Object.keys(object)) if (chance(0.03)) delete object[key]
      return object
    }
    const byok = chance(0.2)
    const profile = {
      name: `app-${i}`,
      privacyPolicyUrl: flip(true) ? `https://app${i}.example.com/privacy` : null,
      integrationTypes: Array.from(new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(INTEGRATIONS)))),
      audience: maybe({ minimumAge: flip(true) ? 13 + Math.floor(rnd() * 10) : 8, intendedForChildren: !flip(true) }),
      credentials: maybe({
        usesAccessTokens: flip(true),
        collectsPinterestPasswords: !flip(true),
        usesSessionCookies: !flip(true),
        byok,
        byokStorage: flip(true) ? 'local' : 'server',
        sharesApiCredentials: !flip(true),
        usesOthersApiCredentials: !flip(true),
      }),
      data: maybe({
        storesApiData: chance(0.5),
        storedDataKinds: flip(true) ? ['campaign_analytics'] : ['campaign_analytics', pick(KINDS.slice(1))],
        usedOnlyForAccountOwner: flip(true),
        combinesAcrossAccounts: !flip(true),
        combinesWithOtherServices: !flip(true),
        sharesWithThirdParties: !flip(true),
        sellsData: !flip(true),
        usedForOffPinterestAdTargeting: !flip(true),
      }),
      actions: Array.from({ length: Math.floor(rnd() * 9) }, () => ({
        kind: pick(ACTIONS),
        automated: chance(0.5),
        userSelectsEach: flip(true),
        userConsented: flip(true),
      })),
      publishing: maybe({ republishesPins: chance(0.6), linksBackToPin: flip(true), attributesPinterest: flip(true), appliesFilters: !flip(true), createsDerivedContent: !flip(true) }),
      advertising: maybe({
        providesAdService: chance(0.3),
        reportsLastClickAttribution: chance(0.3),
        showsMultiTouchAlongside: flip(true),
        separatesFees: flip(true),
        usesApiDataOnlyForPinterestAds: flip(true),
        audienceOnboarding: chance(0.2),
        behavioralAdvertising: chance(0.2),
        givesBehavioralNotice: flip(true),
        gathersConsents: flip(true),
        givesOptOutInstructions: flip(true),
        sendsOptedOutUsers: !flip(true),
        removesOptedOutRegularly: flip(true),
      }),
      conduct: maybe({
        scraping: !flip(true),
        testsRateLimits: !flip(true),
        circumventsGeoblocking: !flip(true),
        incentivizesEngagement: !flip(true),
        offersBenchmarking: chance(0.1),
        benchmarkingAuthorized: chance(0.5),
        facilitatesSpam: !flip(true),
        reconnectsRemovedApp: !flip(true),
        gathersOwnConsentForApiData: !flip(true),
      }),
      attestations: { 'honest-and-transparent': flip(true), 'follows-technical-documentation': true, 'not-for-violating-policies': true, 'honest-relationship': true },
    }
    profiles.push(profile)
  }
  return profiles
}
