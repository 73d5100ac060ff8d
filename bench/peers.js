#!/usr/bin/env node
// `npm run bench:peers`: the same ten rules in diptych's DSL, by hand in TypeScript, in json-logic-js, in json-rules-engine
// (plain paths and JSONPath) and in Cedar (cedar-wasm: policies parsed once, and isAuthorized), over the same 10,000
// seeded profiles, in one process. First every engine must return the hand-written function's violated set on every
// profile; then each is timed (warm-up, rounds, median and spread of ns per profile, ratio to hand-written).
// Run with --no-turbo-inline-js-wasm-calls (the npm script does): cedar-wasm has crashed Node 20's optimiser in long loops.
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import * as cedar from '@cedar-policy/cedar-wasm/nodejs'
import jsonLogic from 'json-logic-js'
import { Engine } from 'json-rules-engine'
import { checkProgram } from '../dist/dsl/check/index.js'
import { generateModule } from '../dist/dsl/compile/generate.js'
import { importGenerated } from '../dist/dsl/compile/load-module.js'
import { interpretAll } from '../dist/dsl/interpret/evaluate.js'
import { parseRules } from '../dist/dsl/parse/parse.js'
import { typeFromSchema } from '../dist/dsl/types.js'
import { violated as handWritten } from '../dist/bench/peers/hand-written.js'
import { random } from './profiles.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const COUNT = 10_000
const ALLOWED = ['advertising', 'audience', 'content_marketing', 'creative', 'creator_platform', 'dynamic_creative', 'feed_management', 'merchant_platform', 'measurement', 'shoppable_experience']
const KINDS = ['campaign_analytics', 'pins', 'boards', 'user_profile', 'audience_data', 'other']
const ACTIONS = ['publish_pin', 'save_pin', 'follow', 'unfollow', 'comment', 'message', 'edit_profile']

/** 10,000 complete profiles: most compliant, about a third breaking one to three of the ten rules, 0 to 8 actions. */
export function peerProfiles(count = COUNT, seed = 20261123) {
  const rnd = random(seed)
  const pick = (list) => list[Math.floor(rnd() * list.length)]
  const profiles = []
  for (let i = 0; i < count; i++) {
    const breaks = new Set()
    if (rnd() < 0.33) {
      const n = 1 + Math.floor(rnd() * 3)
      while (breaks.size < n) breaks.add(1 + Math.floor(rnd() * 10))
    }
    const b = (rule) => breaks.has(rule)
    const byok = rnd() < 0.3
    const automatedCount = Math.floor(rnd() * 9)
    const actions = Array.from({ length: automatedCount }, () => ({ kind: pick(ACTIONS), automated: rnd() < 0.5, userSelectsEach: true, userConsented: true }))
    if (b(5)) actions.push({ kind: 'follow', automated: true, userSelectsEach: false, userConsented: true })
    profiles.push({
      name: `app-${i}`,
      privacyPolicyUrl: b(8) ? (rnd() < 0.5 ? null : `http://app${i}.example.com/privacy`) : `https://app${i}.example.com/privacy`,
      integrationTypes: b(10) ? (rnd() < 0.5 ? [] : [pick(ALLOWED), 'unknown_kind']) : [pick(ALLOWED), pick(ALLOWED)].filter((v, k, a) => a.indexOf(v) === k),
      audience: { minimumAge: b(1) && rnd() < 0.5 ? 10 : 13 + Math.floor(rnd() * 8), intendedForChildren: b(1) && rnd() >= 0.5 },
      credentials: { byok: byok || b(2), byokStorage: b(2) ? 'server' : 'local', collectsPinterestPasswords: b(3), usesAccessTokens: true },
      data: {
        storesApiData: b(4) || rnd() < 0.5,
        storedDataKinds: b(4) ? ['campaign_analytics', pick(KINDS.slice(1))] : ['campaign_analytics'],
        sharesWithThirdParties: b(9) && rnd() < 0.5,
        usedForOffPinterestAdTargeting: b(9) && rnd() >= 0.5 ? true : false,
      },
      actions,
      publishing: { republishesPins: b(6) || rnd() < 0.5, linksBackToPin: !b(6), attributesPinterest: true },
      advertising: { reportsLastClickAttribution: b(7) || rnd() < 0.3, showsMultiTouchAlongside: !b(7) },
    })
  }
  return profiles
}

/** The ten rules compiled by diptych (checked against the Pinterest profile schema and catalogue). */
async function diptychEngines() {
  const text = await readFile(new URL('peers/ten.dip', import.meta.url), 'utf8')
  const parsed = parseRules({ file: 'bench/peers/ten.dip', text })
  if (!parsed.ok) throw new Error(parsed.error.message)
  const schema = JSON.parse(await readFile(`${ROOT}policy/pinterest/app-profile.schema.json`, 'utf8'))
  const catalogue = JSON.parse(await readFile(`${ROOT}policy/pinterest/catalogue.json`, 'utf8'))
  const { program, diagnostics } = checkProgram([{ file: 'ten.dip', text, program: parsed.program }], typeFromSchema(schema), catalogue)
  // Ten rules do not cover the whole policy: only coverage may complain.
  const errors = diagnostics.filter((diagnostic) => diagnostic.ruleId !== 'uncovered-clause')
  if (errors.length > 0) throw new Error(errors.map((error) => error.message).join('\n'))
  const module = await importGenerated(generateModule(program, { policy: 'peers', version: '0', sourceHash: '' }))
  const out = new Uint8Array(program.rules.length)
  return {
    compiled: (profile) => {
      const codes = module.evaluateAll(profile, null, out)
      let mask = 0
      for (let i = 0; i < codes.length; i++) if (codes[i] === 0) mask |= 1 << i
      return mask
    },
    interpreted: (profile) => {
      const statuses = interpretAll(program, profile)
      let mask = 0
      for (let i = 0; i < statuses.length; i++) if (statuses[i] === 'violated') mask |= 1 << i
      return mask
    },
  }
}

/** The ten rules in JsonLogic. */
const LOGIC = [
  { or: [{ '<': [{ var: 'audience.minimumAge' }, 13] }, { var: 'audience.intendedForChildren' }] },
  { and: [{ var: 'credentials.byok' }, { '!=': [{ var: 'credentials.byokStorage' }, 'local'] }] },
  { var: 'credentials.collectsPinterestPasswords' },
  { and: [{ var: 'data.storesApiData' }, { some: [{ var: 'data.storedDataKinds' }, { '!=': [{ var: '' }, 'campaign_analytics'] }] }] },
  { some: [{ var: 'actions' }, { and: [{ var: 'automated' }, { '!': { var: 'userSelectsEach' } }] }] },
  { and: [{ var: 'publishing.republishesPins' }, { '!': { and: [{ var: 'publishing.linksBackToPin' }, { var: 'publishing.attributesPinterest' }] } }] },
  { and: [{ var: 'advertising.reportsLastClickAttribution' }, { '!': { var: 'advertising.showsMultiTouchAlongside' } }] },
  { or: [{ '==': [{ var: 'privacyPolicyUrl' }, null] }, { '!=': [{ substr: [{ var: 'privacyPolicyUrl' }, 0, 8] }, 'https://'] }] },
  { or: [{ var: 'data.sharesWithThirdParties' }, { var: 'data.usedForOffPinterestAdTargeting' }] },
  { or: [{ '!': { var: 'integrationTypes.length' } }, { some: [{ var: 'integrationTypes' }, { '!': { in: [{ var: '' }, ALLOWED] } }] }] },
]
function jsonLogicEngine(profile) {
  let mask = 0
  for (let i = 0; i < LOGIC.length; i++) if (jsonLogic.truthy(jsonLogic.apply(LOGIC[i], profile))) mask |= 1 << i
  return mask
}

/** The ten rules in json-rules-engine: each an event when its conditions hold. */
function rulesEngine(plainPaths) {
  const path = (fact, rest) => (plainPaths ? { fact, path: rest } : { fact, path: `$.${rest}` })
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    // Plain dotted paths instead of JSONPath (the default resolver).
    ...(plainPaths ? { pathResolver: (value, p) => p.split('.').reduce((object, key) => (object == null ? undefined : object[key]), value) } : {}),
  })
  engine.addOperator('someNotIn', (list, allowed) => Array.isArray(list) && list.some((item) => !allowed.includes(item)))
  engine.addOperator('isEmpty', (list, expected) => (Array.isArray(list) && list.length === 0) === expected)
  engine.addOperator('someMatches', (list, pattern) => Array.isArray(list) && list.some((item) => Object.entries(pattern).every(([key, value]) => item[key] === value)))
  engine.addOperator('isNullOrNotPrefixed', (value, prefix) => value == null || typeof value !== 'string' || !value.startsWith(prefix))
  const rule = (n, conditions) => engine.addRule({ conditions, event: { type: String(n) } })
  rule(1, { any: [{ ...path('audience', 'minimumAge'), operator: 'lessThan', value: 13 }, { ...path('audience', 'intendedForChildren'), operator: 'equal', value: true }] })
  rule(2, { all: [{ ...path('credentials', 'byok'), operator: 'equal', value: true }, { ...path('credentials', 'byokStorage'), operator: 'notEqual', value: 'local' }] })
  rule(3, { all: [{ ...path('credentials', 'collectsPinterestPasswords'), operator: 'equal', value: true }] })
  rule(4, { all: [{ ...path('data', 'storesApiData'), operator: 'equal', value: true }, { ...path('data', 'storedDataKinds'), operator: 'someNotIn', value: ['campaign_analytics'] }] })
  rule(5, { all: [{ fact: 'actions', operator: 'someMatches', value: { automated: true, userSelectsEach: false } }] })
  rule(6, {
    all: [
      { ...path('publishing', 'republishesPins'), operator: 'equal', value: true },
      { any: [{ ...path('publishing', 'linksBackToPin'), operator: 'notEqual', value: true }, { ...path('publishing', 'attributesPinterest'), operator: 'notEqual', value: true }] },
    ],
  })
  rule(7, { all: [{ ...path('advertising', 'reportsLastClickAttribution'), operator: 'equal', value: true }, { ...path('advertising', 'showsMultiTouchAlongside'), operator: 'notEqual', value: true }] })
  rule(8, { all: [{ fact: 'privacyPolicyUrl', operator: 'isNullOrNotPrefixed', value: 'https://' }] })
  rule(9, { any: [{ ...path('data', 'sharesWithThirdParties'), operator: 'equal', value: true }, { ...path('data', 'usedForOffPinterestAdTargeting'), operator: 'equal', value: true }] })
  rule(10, { any: [{ fact: 'integrationTypes', operator: 'isEmpty', value: true }, { fact: 'integrationTypes', operator: 'someNotIn', value: ALLOWED }] })
  return async (profile) => {
    const { events } = await engine.run(profile)
    let mask = 0
    for (const event of events) mask |= 1 << (Number(event.type) - 1)
    return mask
  }
}

/** The ten rules as Cedar forbid policies over the request context; the violated rules are the determining policies. */
const CEDAR_POLICIES = {
  permit: 'permit(principal, action, resource);',
  r1: 'forbid(principal, action, resource) when { context.audience.minimumAge < 13 || context.audience.intendedForChildren };',
  r2: 'forbid(principal, action, resource) when { context.credentials.byok && context.credentials.byokStorage != "local" };',
  r3: 'forbid(principal, action, resource) when { context.credentials.collectsPinterestPasswords };',
  r4: 'forbid(principal, action, resource) when { context.data.storesApiData && !(["campaign_analytics"].containsAll(context.data.storedDataKinds)) };',
  r5: 'forbid(principal, action, resource) when { context.actions.contains({"automated": true, "userSelectsEach": false}) };',
  r6: 'forbid(principal, action, resource) when { context.publishing.republishesPins && !(context.publishing.linksBackToPin && context.publishing.attributesPinterest) };',
  r7: 'forbid(principal, action, resource) when { context.advertising.reportsLastClickAttribution && !context.advertising.showsMultiTouchAlongside };',
  r8: 'forbid(principal, action, resource) when { !(context has privacyPolicyUrl) || !(context.privacyPolicyUrl like "https://*") };',
  r9: 'forbid(principal, action, resource) when { context.data.sharesWithThirdParties || context.data.usedForOffPinterestAdTargeting };',
  r10: `forbid(principal, action, resource) when { context.integrationTypes.isEmpty() || !(${JSON.stringify(ALLOWED)}.containsAll(context.integrationTypes)) };`,
}
/** Cedar has no null and no quantifier over a set: drop null facts, and project each action onto the two fields rule 5 reads. */
function cedarContext(profile) {
  const context = {}
  for (const [key, value] of Object.entries(profile)) if (value !== null) context[key] = value
  context.actions = profile.actions.map((action) => ({ automated: action.automated, userSelectsEach: action.userSelectsEach }))
  return context
}
function cedarEngine(preparsed) {
  const request = { principal: { type: 'App', id: 'app' }, action: { type: 'Action', id: 'evaluate' }, resource: { type: 'Policy', id: 'pinterest' }, entities: [] }
  if (preparsed) {
    const answer = cedar.preparsePolicySet('peers', { staticPolicies: CEDAR_POLICIES })
    if (answer.type !== 'success') throw new Error(JSON.stringify(answer))
  }
  return (profile) => {
    const answer = preparsed
      ? cedar.statefulIsAuthorized({ ...request, context: cedarContext(profile), preparsedPolicySetId: 'peers' })
      : cedar.isAuthorized({ ...request, context: cedarContext(profile), policies: { staticPolicies: CEDAR_POLICIES } })
    if (answer.type !== 'success') throw new Error(JSON.stringify(answer.errors))
    if (answer.response.diagnostics.errors.length > 0) throw new Error(JSON.stringify(answer.response.diagnostics.errors))
    let mask = 0
    for (const id of answer.response.diagnostics.reason) if (id !== 'permit') mask |= 1 << (Number(id.slice(1)) - 1)
    return mask
  }
}

/**
 * A timing loop of its own for one engine: `(profiles, performance) => [milliseconds, xor of the results]`. The source
 * is fixed text (nothing of the input); `run` is bound as a constant of the new function.
 */
function loopOf(run, async) {
  const body = async
    ? 'return async (profiles, clock) => { let bits = 0; const start = clock.now(); for (let i = 0; i < profiles.length; i++) bits ^= await run(profiles[i]); return [clock.now() - start, bits] }'
    : 'return (profiles, clock) => { let bits = 0; const start = clock.now(); for (let i = 0; i < profiles.length; i++) bits ^= run(profiles[i]); return [clock.now() - start, bits] }'
  return new Function('run', body)(run)
}

export async function benchPeers({ rounds = 15 } = {}) {
  const profiles = peerProfiles()
  const expected = profiles.map((profile) => handWritten(profile))
  const { compiled, interpreted } = await diptychEngines()
  const engines = [
    ['hand-written TypeScript', handWritten, false],
    ['diptych compiled', compiled, false],
    ['diptych interpreter', interpreted, false],
    ['json-logic-js', jsonLogicEngine, false],
    ['json-rules-engine (plain paths)', rulesEngine(true), true],
    ['json-rules-engine (JSONPath)', rulesEngine(false), true],
    ['cedar-wasm (policies parsed once)', cedarEngine(true), false],
    ['cedar-wasm (isAuthorized)', cedarEngine(false), false],
  ]
  // 1. Agreement: every engine, every profile.
  for (const [name, run, async] of engines) {
    for (let i = 0; i < profiles.length; i++) {
      const mask = async ? await run(profiles[i]) : run(profiles[i])
      if (mask !== expected[i]) throw new Error(`${name} disagrees on profile ${i}: ${mask.toString(2)} instead of ${expected[i].toString(2)}`)
    }
  }
  const breaking = expected.filter((mask) => mask !== 0).length
  // 2. Timing: a warm-up pass each, then rounds over all profiles, interleaved so that every engine sees the same
  // machine; engines slower than 20 µs a profile get 3 rounds, the others `rounds`.
  let sink = 0
  // Each engine is timed in its own loop function, compiled apart (`new Function` gives it its own code and type
  // feedback), so the call to the engine is monomorphic: one loop shared by every engine would see eight callees and
  // add its megamorphic call to every engine's time, pulling every ratio towards 1.
  const loops = new Map(engines.map(([name, run, async]) => [name, loopOf(run, async)]))
  const pass = async (name) => {
    const [ms, bits] = await loops.get(name)(profiles, performance)
    sink ^= bits
    return (ms * 1e6) / profiles.length
  }
  const samples = new Map()
  for (const [name] of engines) samples.set(name, { first: await pass(name), values: [] })
  for (let round = 0; round < rounds; round++) {
    for (const [name] of engines) {
      const entry = samples.get(name)
      if (entry.first > 20_000 && round >= 3) continue
      entry.values.push(await pass(name))
    }
  }
  const results = {}
  for (const [name, { values }] of samples) {
    values.sort((a, b) => a - b)
    results[name] = { medianNs: values[Math.floor(values.length / 2)], minNs: values[0], maxNs: values.at(-1), rounds: values.length }
  }
  const base = results['hand-written TypeScript'].medianNs
  for (const result of Object.values(results)) result.ratio = result.medianNs / base
  return { profiles: profiles.length, breaking, results, sink }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { profiles, breaking, results } = await benchPeers()
  console.log(`ten rules over ${profiles} profiles (${breaking} break at least one rule); every engine agrees with the hand-written function on every profile`)
  for (const [name, r] of Object.entries(results)) {
    console.log(`${name.padEnd(36)} median ${r.medianNs.toFixed(0).padStart(9)} ns/profile  (min ${r.minNs.toFixed(0)}, max ${r.maxNs.toFixed(0)}, ${r.rounds} rounds)  ${r.ratio.toFixed(1).padStart(7)}x`)
  }
}
