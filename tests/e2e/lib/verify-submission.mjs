// Verifies a signed submission file the way docs/SUBMISSION.md ("Verifying a file yourself")
// tells anyone to, without Bogen: the lines between the two "recipe" markers are the document's
// Node recipe, word for word (only the file is a string here instead of read from argv), and
// submission-samples.test.mjs checks that each of them still stands in the document, so that the
// recipe an office copies is the code these tests run.
//
//   verifySubmission(text) -> { valid: boolean, fingerprint?: string }
import { createHash, createPublicKey, verify } from 'node:crypto';

/** The line of the recipe that reads the file, as the document writes it and as it is here. */
export const READ_LINE_IN_DOC = "const { signature, ...signed } = JSON.parse(readFileSync(process.argv[2], 'utf8'));";
export const READ_LINE_HERE = 'const { signature, ...signed } = JSON.parse(text);';

export function verifySubmission(text) {
  try {
    // --- recipe (docs/SUBMISSION.md) ---
    const canon = (v) => v === null || typeof v !== 'object' ? JSON.stringify(v)
      : Array.isArray(v) ? `[${v.map(canon).join(',')}]`
      : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon(v[k])}`).join(',')}}`;
    const { signature, ...signed } = JSON.parse(text);
    const key = createPublicKey({ key: signature.publicKey, format: 'jwk' });
    const valid = verify(null, Buffer.from(canon(signed)), key, Buffer.from(signature.value, 'base64url'));
    const b32 = (bytes) => [...bytes].map((b) => b.toString(2).padStart(8, '0')).join('')
      .match(/.{5}/g).map((bits) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(bits, 2)]).join('');
    const raw = Buffer.from(signature.publicKey.x, 'base64url');
    const fingerprint = b32(createHash('sha256').update(raw).digest().subarray(0, 10)).match(/.{4}/g).join('-');
    // --- end of recipe ---
    return { valid: valid && fingerprint === signature.fingerprint, fingerprint };
  } catch {
    // Not JSON, no signature, or a key Node cannot read: not a valid submission.
    return { valid: false };
  }
}

/** The lines of this file's recipe, trimmed, as the test compares them with the document. */
export async function recipeLinesHere() {
  const { readFile } = await import('node:fs/promises');
  const source = await readFile(new URL(import.meta.url), 'utf8');
  const body = source.split('// --- recipe (docs/SUBMISSION.md) ---')[1].split('// --- end of recipe ---')[0];
  return body.split('\n').map((l) => l.trim()).filter(Boolean);
}

// ---- helpers of the tests (not part of the recipe) -------------------------------------------

/** RFC 8785 canonical JSON text, as the recipe's `canon` writes it. */
export const canonical = (v) => v === null || typeof v !== 'object' ? JSON.stringify(v)
  : Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;

/** The fingerprint of a public key given as JWK "x" (base64url of its 32 bytes). */
export function fingerprintOf(x) {
  const bits = [...createHash('sha256').update(Buffer.from(x, 'base64url')).digest().subarray(0, 10)]
    .map((b) => b.toString(2).padStart(8, '0')).join('');
  return bits.match(/.{5}/g).map((b) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(b, 2)]).join('').match(/.{4}/g).join('-');
}

/**
 * The short checksum of a submission's questionnaire and answers, as the app prints it and
 * `bogen verify` shows it: the first 16 hex digits of SHA-256 of the canonical
 * {"questionnaire", "answers"}, in groups of four.
 */
export function shortDigestOf(file) {
  const hex = createHash('sha256').update(canonical({ questionnaire: file.questionnaire, answers: file.answers })).digest('hex');
  return hex.slice(0, 16).match(/.{4}/g).join(' ');
}

/** A new key file (the engine's "bogen-key" format) with a fresh Ed25519 key. */
export async function newKeyFile() {
  const { generateKeyPairSync } = await import('node:crypto');
  const { privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = privateKey.export({ format: 'jwk' });
  const fingerprint = fingerprintOf(x);
  const text = JSON.stringify({
    format: 'bogen-key',
    formatVersion: 1,
    createdAt: '2026-11-27T10:00:00.000Z',
    fingerprint,
    privateKey: { kty: 'OKP', crv: 'Ed25519', x, d },
  }, null, 2);
  return { text, fingerprint };
}
