// Reference vectors for shared-stark's differential test (StarkReferenceDifferentialTest).
//
//   node vectors.mjs <seed> <casesPerKind>
//
// Prints one case per line, space-separated, numbers as 0x-hex (signed integers in decimal):
//   poseidon <count> <in...> <hash>                      poseidonHashMany
//   sign <privateKey> <msgHash> <starkKey> <r> <s>       RFC 6979 Stark ECDSA, getStarkKey
//   order <chain> <position> <baseAsset> <baseAmount> <quoteAsset> <quoteAmount> <feeAsset> <feeAmount>
//         <expiration> <salt> <account> <typeHash> <domainHash> <structHash> <messageHash>
//   snip12 <chain> <account> <fromName> <fromWallet> <toName> <toWallet> <contents> <amount> <delta> <urgent>
//         <tag> <messageHash>                                typedData.getMessageHash of a revision-1 "Mail"
// Every value that both starknet.js (which bundles @scure/starknet 1.x) and @scure/starknet 2.x compute is computed
// by both and must agree here, before Java sees it.
import { createHash } from 'node:crypto';
import * as scure from '@scure/starknet';
import { ec, hash, shortString, typedData, TypedDataRevision } from 'starknet';

const [seed = 'tideline', perKindArg = '1000'] = process.argv.slice(2);
const perKind = Number(perKindArg);

const P = 2n ** 251n + 17n * 2n ** 192n + 1n;
const N = 3618502788666131213697322783095070105526743751716087489154079457884512865583n;
const MAX_MSG = 2n ** 251n;

let counter = 0;
function randomBytes32() {
  return createHash('sha256').update(`${seed}:${counter++}`).digest();
}
function randomBits(bits) {
  let v = 0n;
  for (let have = 0; have < bits; have += 256) v = (v << 256n) | BigInt('0x' + randomBytes32().toString('hex'));
  return v & ((1n << BigInt(bits)) - 1n);
}
function randomInt(bound) { // 0 <= x < bound (Number)
  return Number(randomBits(32) % BigInt(bound));
}
function randomBelow(bound) { // 0 <= x < bound, at a random magnitude so short and long values both occur
  const bits = 1 + randomInt(bound.toString(2).length);
  return randomBits(bits) % bound;
}
function randomFelt() {
  const pick = randomInt(20);
  if (pick === 0) return 0n;
  if (pick === 1) return P - 1n;
  if (pick === 2) return 1n;
  return randomBelow(P);
}
function randomI64() {
  const v = randomBelow(2n ** 63n);
  return randomInt(2) === 0 ? v : -v;
}
const hex = (v) => '0x' + BigInt(v).toString(16);
const out = [];
function same(label, a, b) {
  if (BigInt(a) !== BigInt(b)) throw new Error(`${label}: starknet.js ${a} != @scure/starknet ${b}`);
  return BigInt(a);
}

for (let i = 0; i < perKind; i++) {
  const count = randomInt(9);
  const values = Array.from({ length: count }, randomFelt);
  const viaScure = scure.poseidonHashMany(values);
  const viaStarknetJs = hash.computePoseidonHashOnElements(values);
  out.push(['poseidon', count, ...values.map(hex), hex(same('poseidon', viaStarknetJs, viaScure))].join(' '));
}

for (let i = 0; i < perKind; i++) {
  const key = 1n + randomBelow(N - 1n);
  const pick = randomInt(10);
  const msg = pick === 0 ? randomBits(8) : pick === 1 ? (2n ** 248n) + randomBelow(2n ** 248n) : randomBelow(MAX_MSG);
  const sigScure = scure.sign(hex(msg), hex(key));
  const sigJs = ec.starkCurve.sign(hex(msg), hex(key));
  const starkKey = same('getStarkKey', ec.starkCurve.getStarkKey(hex(key)), scure.getStarkKey(hex(key)));
  out.push(['sign', hex(key), hex(msg), hex(starkKey), hex(same('r', sigJs.r, sigScure.r)),
    hex(same('s', sigJs.s, sigScure.s))].join(' '));
}

// Extended's Order, hashed as Extended's contracts do (x10xchange rust-crypto-lib-base starknet_messages.rs):
// referenced types in the order PositionId, AssetId, Timestamp and the one-field structs inlined as their value.
// starknet.js's typedData cannot express this (revision 1 rejects u32/u64/i64 and sorts referenced types), so the
// reference is composed from starknet.js's own primitives; the domain hash is starknet.js's SNIP-12 struct hash.
const ORDER_TYPE = '"Order"("position_id":"felt","base_asset_id":"AssetId","base_amount":"i64",'
  + '"quote_asset_id":"AssetId","quote_amount":"i64","fee_asset_id":"AssetId","fee_amount":"u64",'
  + '"expiration":"Timestamp","salt":"felt")"PositionId"("value":"u32")"AssetId"("value":"felt")'
  + '"Timestamp"("seconds":"u64")';
const DOMAIN_TYPES = {
  StarknetDomain: [
    { name: 'name', type: 'shortstring' },
    { name: 'version', type: 'shortstring' },
    { name: 'chainId', type: 'shortstring' },
    { name: 'revision', type: 'shortstring' },
  ],
};
const CHAINS = ['SN_MAIN', 'SN_SEPOLIA'];
const signedFelt = (v) => (v < 0n ? P + v : v);
const orderTypeHash = BigInt(hash.getSelectorFromName(ORDER_TYPE));

for (let i = 0; i < perKind; i++) {
  const chain = CHAINS[randomInt(2)];
  const position = randomBits(32);
  const baseAsset = randomFelt();
  const quoteAsset = randomFelt();
  const feeAsset = randomInt(4) === 0 ? randomFelt() : quoteAsset;
  const baseAmount = randomI64();
  const quoteAmount = randomI64();
  const feeAmount = randomBelow(2n ** 63n);
  const expiration = randomBelow(2n ** 40n);
  const salt = randomInt(2) === 0 ? randomBits(31) : randomFelt();
  const account = randomInt(2) === 0 ? BigInt(scure.getStarkKey(hex(1n + randomBelow(N - 1n)))) : randomFelt();
  const domain = { name: 'Perpetuals', version: 'v0', chainId: chain, revision: '1' };
  const domainHash = BigInt(typedData.getStructHash(DOMAIN_TYPES, 'StarknetDomain', domain, TypedDataRevision.ACTIVE));
  const structHash = BigInt(hash.computePoseidonHashOnElements([orderTypeHash, position, baseAsset,
    signedFelt(baseAmount), quoteAsset, signedFelt(quoteAmount), feeAsset, feeAmount, expiration, salt]));
  const messageHash = BigInt(hash.computePoseidonHashOnElements([
    BigInt(shortString.encodeShortString('StarkNet Message')), domainHash, account, structHash]));
  out.push(['order', chain, position, hex(baseAsset), baseAmount, hex(quoteAsset), quoteAmount, hex(feeAsset),
    feeAmount, expiration, hex(salt), hex(account), hex(orderTypeHash), hex(domainHash), hex(structHash),
    hex(messageHash)].join(' '));
}

// A generic revision-1 typed message through starknet.js's own SNIP-12 encoder, nested struct included.
const MAIL_TYPES = {
  ...DOMAIN_TYPES,
  Person: [
    { name: 'name', type: 'shortstring' },
    { name: 'wallet', type: 'ContractAddress' },
  ],
  Mail: [
    { name: 'from', type: 'Person' },
    { name: 'to', type: 'Person' },
    { name: 'contents', type: 'felt' },
    { name: 'amount', type: 'u128' },
    { name: 'delta', type: 'i128' },
    { name: 'urgent', type: 'bool' },
    { name: 'tag', type: 'shortstring' },
  ],
};
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-';
function randomWord() {
  const length = 1 + randomInt(31);
  let s = '';
  for (let j = 0; j < length; j++) s += LETTERS[randomInt(LETTERS.length)];
  return s;
}
for (let i = 0; i < perKind; i++) {
  const chain = CHAINS[randomInt(2)];
  const account = randomFelt();
  const message = {
    from: { name: randomWord(), wallet: hex(randomFelt()) },
    to: { name: randomWord(), wallet: hex(randomFelt()) },
    contents: hex(randomFelt()),
    amount: randomBelow(2n ** 128n).toString(),
    delta: (randomBelow(2n ** 127n) * (randomInt(2) === 0 ? 1n : -1n)).toString(),
    urgent: randomInt(2) === 0,
    tag: randomWord(),
  };
  const data = {
    types: MAIL_TYPES,
    primaryType: 'Mail',
    domain: { name: 'Tideline', version: '1', chainId: chain, revision: '1' },
    message,
  };
  const messageHash = typedData.getMessageHash(data, hex(account));
  out.push(['snip12', chain, hex(account), message.from.name, message.from.wallet, message.to.name,
    message.to.wallet, message.contents, message.amount, message.delta, message.urgent, message.tag,
    hex(messageHash)].join(' '));
}

process.stdout.write(out.join('\n') + '\n');
