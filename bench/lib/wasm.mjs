// A small reader of a WebAssembly binary: section sizes, each function body with its name (from
// the "name" custom section), and the data segments. Enough to say where the bytes go; no
// dependency to pin.

function leb(buf, pos) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[pos++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [result, pos];
}

function name(buf, pos) {
  const [len, p] = leb(buf, pos);
  return [buf.subarray(p, p + len).toString('utf8'), p + len];
}

const SECTIONS = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount', 'tag'];

/**
 * Reads `buf` (a Buffer of a .wasm file). Returns { sections: [{ id, kind, name, size, start,
 * end }], functions: [{ index, name, body: Buffer }], data: [{ index, name, bytes: Buffer }] }.
 * Function indices count imported functions first, as the name section does.
 */
export function readWasm(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly binary');
  const sections = [];
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, p] = leb(buf, pos + 1);
    const s = { id, kind: SECTIONS[id] ?? `unknown ${id}`, start: p, end: p + size, size: p + size - pos };
    if (id === 0) s.name = name(buf, p)[0];
    sections.push(s);
    pos = p + size;
  }
  // Imported functions come first in the function index space.
  let imported = 0;
  const imp = sections.find((s) => s.id === 2);
  if (imp) {
    let [n, p] = leb(buf, imp.start);
    for (let i = 0; i < n; i++) {
      [, p] = name(buf, p);
      [, p] = name(buf, p);
      const kind = buf[p++];
      if (kind === 0) {
        [, p] = leb(buf, p);
        imported++;
      } else if (kind === 1) {
        p += 1;
        const [flags, q] = leb(buf, p);
        [, p] = leb(buf, q);
        if (flags & 1) [, p] = leb(buf, p);
      } else if (kind === 2) {
        const [flags, q] = leb(buf, p);
        [, p] = leb(buf, q);
        if (flags & 1) [, p] = leb(buf, p);
      } else if (kind === 3) {
        p += 2;
      } else if (kind === 4) {
        p += 1;
        [, p] = leb(buf, p);
      }
    }
  }
  const funcNames = new Map();
  const dataNames = new Map();
  const names = sections.find((s) => s.id === 0 && s.name === 'name');
  if (names) {
    let p = name(buf, names.start)[1];
    while (p < names.end) {
      const sub = buf[p];
      const [len, q] = leb(buf, p + 1);
      if (sub === 1 || sub === 9) {
        let [n, r] = leb(buf, q);
        for (let i = 0; i < n; i++) {
          let idx;
          let nm;
          [idx, r] = leb(buf, r);
          [nm, r] = name(buf, r);
          (sub === 1 ? funcNames : dataNames).set(idx, nm);
        }
      }
      p = q + len;
    }
  }
  const functions = [];
  const code = sections.find((s) => s.id === 10);
  if (code) {
    let [n, p] = leb(buf, code.start);
    for (let i = 0; i < n; i++) {
      const [size, q] = leb(buf, p);
      const index = imported + i;
      functions.push({ index, name: funcNames.get(index) ?? `wasm-function[${index}]`, body: buf.subarray(p, q + size) });
      p = q + size;
    }
  }
  const data = [];
  const dataSection = sections.find((s) => s.id === 11);
  if (dataSection) {
    let [n, p] = leb(buf, dataSection.start);
    for (let i = 0; i < n; i++) {
      const start = p;
      const [flags, q] = leb(buf, p);
      p = q;
      if (flags === 2) [, p] = leb(buf, p);
      if (flags === 0 || flags === 2) {
        // The offset: a constant expression ending with `end` (0x0b).
        while (buf[p] !== 0x0b) p++;
        p++;
      }
      const [len, r] = leb(buf, p);
      data.push({ index: i, name: dataNames.get(i) ?? `data[${i}]`, bytes: buf.subarray(r, r + len), size: r + len - start });
      p = r + len;
    }
  }
  return { sections, functions, data, imported };
}

/** Rust's legacy symbol mangling (`_ZN…E`) to a readable path, hash dropped. */
export function demangle(sym) {
  if (!sym.startsWith('_ZN')) return sym.replace(/::h[0-9a-f]{16}$/, '');
  const parts = [];
  let i = 3;
  while (i < sym.length && sym[i] !== 'E') {
    let j = i;
    while (/[0-9]/.test(sym[j])) j++;
    const len = Number(sym.slice(i, j));
    if (!len) break;
    parts.push(sym.slice(j, j + len));
    i = j + len;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  const unescape = (s) =>
    s
      .replace(/^_\$/, '$')
      .replace(/\$LT\$/g, '<')
      .replace(/\$GT\$/g, '>')
      .replace(/\$RF\$/g, '&')
      .replace(/\$BP\$/g, '*')
      .replace(/\$LP\$/g, '(')
      .replace(/\$RP\$/g, ')')
      .replace(/\$C\$/g, ',')
      .replace(/\$SP\$/g, '@')
      .replace(/\$u20\$/g, ' ')
      .replace(/\$u27\$/g, "'")
      .replace(/\$u5b\$/g, '[')
      .replace(/\$u5d\$/g, ']')
      .replace(/\$u7b\$/g, '{')
      .replace(/\$u7d\$/g, '}')
      .replace(/\$u7e\$/g, '~')
      .replace(/\.\./g, '::');
  return parts.map(unescape).join('::');
}

/**
 * The arguments Trunk gives wasm-opt for the app, read from index.html's
 * `<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="…">`: e.g. ['-Oz',
 * '--one-caller-inline-max-function-size=100']. A copy of the build with function names
 * (`--debuginfo` added) is then the shipped binary plus its name section, nothing else changed.
 */
export function shippedWasmOptArgs(indexHtml) {
  const link = indexHtml.match(/<link\b[^>]*data-trunk[^>]*rel="rust"[^>]*>/)?.[0] ?? '';
  const level = link.match(/data-wasm-opt="([^"]*)"/)?.[1] ?? 'z';
  const params = link.match(/data-wasm-opt-params="([^"]*)"/)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}
