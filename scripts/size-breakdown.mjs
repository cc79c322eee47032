#!/usr/bin/env node
// What takes the bytes of a page's wasm: every function's size attributed to the crate and module
// its (demangled) symbol path names, with raw bytes and an approximate gzip share.
//
// The shipped wasm has no names (wasm-opt drops the name section), so this rebuilds the same
// bytes with names kept: the cargo output of the release build (target/nightly-release, written by
// `make build`), through wasm-bindgen and then wasm-opt with the page's own options (read from
// its index.html) plus -g. The code section of that build is compared with the shipped one, and
// both sizes are printed, so a reader can see how faithful the attribution is.
//
// No tool beyond the build's own (wasm-bindgen, wasm-opt from node_modules): the wasm binary and
// Rust's v0 symbol mangling are read here, so there is nothing else to install.
//
// Usage: node scripts/size-breakdown.mjs [--json FILE] [--top N] [--wasm FILE.wasm] [bin ...]
//   bin: compute-coverage (default), uncertainty, embed, suppliers and/or publish; --wasm reads a named wasm directly.
// Prints a table per page; --json writes the figures for bench/run.mjs.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** bin name -> the page's index.html (for its wasm-opt options) and its folder in dist/. */
const PAGES = {
  'compute-coverage': { html: 'index.html', dist: 'dist' },
  uncertainty: { html: 'uncertainty/index.html', dist: 'dist/uncertainty' },
  embed: { html: 'embed/index.html', dist: 'dist/embed' },
  suppliers: { html: 'suppliers/index.html', dist: 'dist/suppliers' },
  publish: { html: 'publish/index.html', dist: 'dist/publish' },
};

// ---------------------------------------------------------------------------------------------
// The wasm binary: section sizes, function bodies, the name section.

function readWasm(bytes) {
  let p = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[p++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return result;
  };
  const sections = [];
  const bodies = []; // [{ index, start, end }], index counts imported functions first
  const names = new Map();
  let importedFunctions = 0;
  while (p < bytes.length) {
    const id = bytes[p++];
    const size = leb();
    const start = p;
    const end = start + size;
    let name = '';
    if (id === 0) {
      const n = leb();
      name = bytes.subarray(p, p + n).toString();
      p += n;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          const subSize = leb();
          const subEnd = p + subSize;
          if (sub === 1) {
            const count = leb();
            for (let i = 0; i < count; i++) {
              const index = leb();
              const len = leb();
              names.set(index, bytes.subarray(p, p + len).toString());
              p += len;
            }
          }
          p = subEnd;
        }
      }
    } else if (id === 2) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        // Two names (module, field); `p += leb()` would read p before leb() moves it.
        for (let n = 0; n < 2; n++) {
          const len = leb();
          p += len;
        }
        const kind = bytes[p++];
        if (kind === 0) {
          leb();
          importedFunctions++;
        } else if (kind === 1) {
          p++; // reftype
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 2) {
          const flags = leb();
          leb();
          if (flags & 1) leb();
        } else if (kind === 3) {
          p += 2;
        } else {
          leb(); // tag
          leb();
        }
      }
    } else if (id === 10) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const len = leb();
        bodies.push({ index: importedFunctions + i, start: p, end: p + len });
        p += len;
      }
    }
    sections.push({ id, name, size, start, end });
    p = end;
  }
  return { sections, bodies, names };
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount', 'tag'];

// ---------------------------------------------------------------------------------------------
// Rust v0 symbol demangling (https://doc.rust-lang.org/rustc/symbol-mangling/v0.html), enough to
// name paths and types; the instantiating crate and vendor suffix are read and dropped.

class Demangler {
  constructor(sym) {
    this.s = sym.slice(2); // after "_R"
    this.p = 0;
    this.depth = 0;
  }
  peek() {
    return this.s[this.p];
  }
  eat(c) {
    if (this.s[this.p] === c) {
      this.p++;
      return true;
    }
    return false;
  }
  next() {
    if (this.p >= this.s.length) throw new Error('end of symbol');
    return this.s[this.p++];
  }
  base62() {
    if (this.eat('_')) return 0;
    let x = 0;
    for (;;) {
      const c = this.next();
      if (c === '_') return x + 1;
      const d = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48
        : c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 87
          : c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 29 : -1;
      if (d < 0) throw new Error('bad base-62');
      x = x * 62 + d;
    }
  }
  decimal() {
    const m = /^(0|[1-9]\d*)/.exec(this.s.slice(this.p)); // "00" is two numbers
    if (!m) throw new Error('expected a number');
    this.p += m[0].length;
    return Number(m[0]);
  }
  disambiguator() {
    if (this.eat('s')) this.base62();
  }
  ident() {
    const punycode = this.eat('u');
    const len = this.decimal();
    this.eat('_');
    const text = this.s.slice(this.p, this.p + len);
    this.p += len;
    return punycode ? `{punycode ${text}}` : text;
  }
  backref(fn) {
    const at = this.base62();
    if (++this.depth > 64) throw new Error('backrefs too deep');
    const saved = this.p;
    this.p = at;
    const r = fn();
    this.p = saved;
    this.depth--;
    return r;
  }
  /** A path as { text, crate, parts, self } where `self` is the impl's self type path, if any. */
  path() {
    const c = this.next();
    switch (c) {
      case 'C': {
        this.disambiguator();
        const name = this.ident();
        return { text: name, parts: [name] };
      }
      case 'N': {
        const ns = this.next();
        const parent = this.path();
        this.disambiguator();
        const name = this.ident();
        let seg = name;
        if (ns === 'C') seg = name ? `{closure:${name}}` : '{closure}';
        else if (ns === 'S') seg = name ? `{shim:${name}}` : '{shim}';
        else if (ns >= 'A' && ns <= 'Z') seg = `{${ns}${name ? `:${name}` : ''}}`;
        return { ...parent, text: `${parent.text}::${seg}`, parts: [...parent.parts, seg] };
      }
      case 'M': {
        this.disambiguator();
        this.path(); // where the impl is
        const self = this.type();
        return { text: `<${self.text}>`, parts: self.parts ?? [self.text], self };
      }
      case 'X': {
        this.disambiguator();
        this.path();
        const self = this.type();
        const trait = this.path();
        return { text: `<${self.text} as ${trait.text}>`, parts: self.parts ?? [self.text], self, trait };
      }
      case 'Y': {
        const self = this.type();
        const trait = this.path();
        return { text: `<${self.text} as ${trait.text}>`, parts: self.parts ?? [self.text], self, trait };
      }
      case 'I': {
        const base = this.path();
        const args = [];
        while (!this.eat('E')) args.push(this.genericArg());
        return { ...base, text: `${base.text}<${args.map((a) => a.text).join(', ')}>`, args };
      }
      case 'B':
        return this.backref(() => this.path());
      default:
        throw new Error(`bad path tag ${c}`);
    }
  }
  genericArg() {
    if (this.eat('L')) {
      this.base62();
      return { text: "'_" };
    }
    if (this.eat('K')) return this.constant();
    return this.type();
  }
  constant() {
    if (this.eat('p')) return { text: '_' };
    if (this.eat('B')) return this.backref(() => this.constant());
    const ty = this.next();
    if (ty === 'e' || ty === 'R' || ty === 'Q' || ty === 'A' || ty === 'T' || ty === 'V') {
      throw new Error('structured const');
    }
    this.eat('n');
    let hex = '';
    while (this.peek() !== '_') hex += this.next();
    this.next();
    return { text: hex ? String(parseInt(hex, 16)) : '0' };
  }
  type() {
    const BASIC = { a: 'i8', b: 'bool', c: 'char', d: 'f64', e: 'str', f: 'f32', h: 'u8', i: 'isize',
      j: 'usize', l: 'i32', m: 'u32', n: 'i128', o: 'u128', s: 'i16', t: 'u16', u: '()', v: '...',
      x: 'i64', y: 'u64', z: '!', p: '_' };
    const c = this.peek();
    if (BASIC[c]) {
      this.p++;
      return { text: BASIC[c] };
    }
    this.p++;
    switch (c) {
      case 'A': {
        const t = this.type();
        const n = this.constant();
        return { text: `[${t.text}; ${n.text}]`, inner: t };
      }
      case 'S':
        return { text: `[${this.type().text}]` };
      case 'R':
      case 'Q': {
        if (this.eat('L')) this.base62();
        const t = this.type();
        return { ...t, text: `&${c === 'Q' ? 'mut ' : ''}${t.text}` };
      }
      case 'P':
      case 'O': {
        const t = this.type();
        return { ...t, text: `*${t.text}` };
      }
      case 'F': {
        if (this.eat('G')) this.base62();
        this.eat('U');
        if (this.eat('K')) {
          if (!this.eat('C')) this.ident();
        }
        const args = [];
        while (!this.eat('E')) args.push(this.type().text);
        const ret = this.type();
        return { text: `fn(${args.join(', ')}) -> ${ret.text}` };
      }
      case 'T': {
        const items = [];
        while (!this.eat('E')) items.push(this.type().text);
        return { text: `(${items.join(', ')})` };
      }
      case 'D': {
        if (this.eat('G')) this.base62();
        const traits = [];
        while (!this.eat('E')) {
          const t = this.path();
          traits.push(t);
          while (this.eat('p')) {
            this.ident();
            this.type();
          }
        }
        this.eat('L') && this.base62();
        const first = traits[0];
        return { text: `dyn ${traits.map((t) => t.text).join(' + ')}`, parts: first?.parts };
      }
      case 'B':
        return this.backref(() => this.type());
      default: {
        this.p--;
        const path = this.path();
        return path;
      }
    }
  }
  symbol() {
    if (/^\d/.test(this.s)) this.decimal();
    return this.path();
  }
}

/**
 * A name wasm-bindgen already demangled (`<yew[4f1b..]::html::X<compute_coverage[a09..]::app::App>
 * as yew[..]::Y>::view`), in the shape `Demangler` returns: the impl's self type and trait are
 * found by bracket depth, the crate hashes dropped.
 */
function parseText(name) {
  const text = name.replace(/\[[0-9a-f]{6,}\]/g, '');
  const pathOf = (t) => {
    const bare = t.replace(/^(&(mut )?|\*(const |mut )?|dyn )+/, '');
    const lt = bare.indexOf('<');
    const head = lt < 0 ? bare : bare.slice(0, lt);
    const args = [];
    if (lt >= 0) {
      // Top-level generic arguments, for drop glue and the like.
      let depth = 0;
      let from = lt + 1;
      for (let i = lt; i < bare.length; i++) {
        const c = bare[i];
        if (c === '<') depth++;
        else if (c === '>') {
          depth--;
          if (depth === 0) {
            args.push(bare.slice(from, i));
            break;
          }
        } else if (c === ',' && depth === 1) {
          args.push(bare.slice(from, i));
          from = i + 2;
        }
      }
    }
    const parts = head.split('::').filter(Boolean);
    return { text: t, parts: parts.length ? parts : [t], args: args.map((a) => ({ text: a, parts: pathOf(a).parts })) };
  };
  if (!text.startsWith('<')) return pathOf(text);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '<') depth++;
    else if (c === '>') {
      depth--;
      if (depth === 0) {
        const self = pathOf(text.slice(1, i));
        return { text, parts: self.parts, self };
      }
    } else if (depth === 1 && text.startsWith(' as ', i)) {
      const self = pathOf(text.slice(1, i));
      let d = 1;
      let j = i + 4;
      for (; j < text.length && d > 0; j++) {
        if (text[j] === '<') d++;
        else if (text[j] === '>') d--;
      }
      return { text, parts: self.parts, self, trait: pathOf(text.slice(i + 4, j - 1)) };
    }
  }
  return pathOf(text);
}

/** The demangled path of a symbol: a Rust v0 name, or one wasm-bindgen already demangled. */
export function demangle(sym) {
  if (!sym.startsWith('_R')) return /^[<A-Za-z_]/.test(sym) && sym.includes('::') ? parseText(sym) : null;
  try {
    return new Demangler(sym).symbol();
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Attribution: which crate and module a function's bytes belong to.

const OUR_CRATES = new Set(['compute_coverage', 'coverage_model', 'coverage_charts', 'uncertainty', 'embed', 'suppliers', 'publish']);
const PRIMITIVES = new Set(['i8', 'bool', 'char', 'f64', 'str', 'f32', 'u8', 'isize', 'usize', 'i32', 'u32',
  'i128', 'u128', 'i16', 'u16', 'i64', 'u64']);
const FLOAT_MODULES = /^core::(fmt::float|num::(imp::)?(flt2dec|dec2flt|fmt|bignum|diy_float))/;

/** The path whose crate owns a function: generic std helpers and drop glue count for their type. */
function ownerPath(p) {
  // drop_glue::<T>, mem::replace::<T> and the like: the bytes exist because of T.
  const std = ['core', 'alloc', 'std'];
  if (std.includes(p.parts[0]) && p.args?.length && !p.self) {
    const arg = p.args.find((a) => a.parts && !std.includes(a.parts[0]));
    if (arg && /drop_glue|drop_in_place/.test(p.text)) return arg;
  }
  return p;
}

/** { crate, module, serde } for one demangled symbol. */
function attribute(raw) {
  if (raw.startsWith('__wbindgen') || raw.startsWith('__wbg') || raw.startsWith('__externref')) {
    return { crate: 'wasm_bindgen', module: 'wasm_bindgen (glue)' };
  }
  const d = demangle(raw);
  if (!d) {
    if (/^(memcpy|memmove|memset|memcmp|bcmp|__)/.test(raw)) return { crate: 'compiler_builtins', module: 'compiler_builtins' };
    return { crate: '(other)', module: '(other)' };
  }
  const owner = ownerPath(d);
  const parts = owner.parts ?? [owner.text];
  let crate = parts[0].replace(/^<+|>+$/g, '');
  // Impls on primitive types (`<f64 as Display>::fmt`, `<str>::replace`) are the standard library's.
  if (!/^[a-z_][a-z0-9_]*$/.test(crate) || PRIMITIVES.has(crate)) {
    if (/^&?(f64|f32)$/.test(crate) && !d.trait?.text.startsWith('serde')) return { crate: 'core', module: 'core float formatting/parsing' };
    crate = 'core';
    return { crate, module: 'core (impls on primitive types)' };
  }
  const plain = parts.filter((s) => !s.startsWith('{'));
  // serde derive: a Serialize/Deserialize/Visitor impl on one of our types, or its generated
  // __Visitor/__Field helper types.
  const serdeImpl = d.trait && /^serde(_core)?::/.test(d.trait.text);
  const generated = plain.some((s) => /^__(Visitor|Field|FieldVisitor|DeserializeWith|SerializeWith)$/.test(s));
  if (OUR_CRATES.has(crate) && (serdeImpl || generated)) {
    return { crate, module: `${crate}::${plain[1] ?? ''} (serde derive)` };
  }
  // A library's generic code instantiated for one of our types (a Yew component's lifecycle and
  // view, a Vec of our rows): the crate table counts it for the library, the module table names
  // the module of ours it was made for.
  const ours = OUR_CRATES.has(crate) ? null : /\b(compute_coverage|coverage_model|coverage_charts)((?:::[a-z_][a-z0-9_]*)*)/.exec(d.text);
  if (ours) {
    const segs = ours[0].split('::');
    const depth = segs[0] === 'compute_coverage' && ['components', 'hooks', 'state'].includes(segs[1]) ? 3 : 2;
    return { crate, module: `${crate}<${segs.slice(0, depth).join('::')}>` };
  }
  if (crate === 'core' || crate === 'alloc' || crate === 'std') {
    const joined = plain.join('::');
    if (FLOAT_MODULES.test(joined)) return { crate, module: 'core float formatting/parsing' };
    if (/^core::fmt/.test(joined) || /^alloc::fmt/.test(joined)) return { crate, module: 'core::fmt' };
    return { crate, module: `${crate}::${plain[1] ?? ''}` };
  }
  if (OUR_CRATES.has(crate)) {
    const depth = crate === 'compute_coverage' && ['components', 'hooks', 'state'].includes(plain[1]) ? 3 : 2;
    return { crate, module: plain.slice(0, depth).join('::') };
  }
  return { crate, module: crate };
}

/** Crates shown under one heading in the by-crate table. */
function crateGroup(crate) {
  if (['wasm_bindgen', 'web_sys', 'js_sys', 'wasm_bindgen_futures'].includes(crate)) return 'web-sys/js-sys/wasm-bindgen glue';
  if (crate.startsWith('gloo')) return 'gloo';
  if (['core', 'alloc', 'std', 'compiler_builtins', 'hashbrown'].includes(crate)) return 'std (core, alloc, hashbrown)';
  if (crate === 'plotters' || crate === 'plotters_backend') return 'plotters';
  if (crate === 'yew' || crate === 'implicit_clone' || crate === 'indexmap' || crate === 'slab' || crate === 'bincode') return 'yew';
  return crate;
}

// ---------------------------------------------------------------------------------------------
// Building a named wasm like the shipped one.

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'], cwd: ROOT });
}

/** wasm-opt options of the page's `<link data-trunk rel="rust">` (level and extra params). */
function wasmOptArgs(htmlPath) {
  const html = readFileSync(htmlPath, 'utf8');
  const link = /<link\b[^>]*rel="rust"[^>]*>/.exec(html)?.[0] ?? '';
  const level = /data-wasm-opt="([^"]+)"/.exec(link)?.[1] ?? 'z';
  const params = /data-wasm-opt-params="([^"]*)"/.exec(link)?.[1] ?? '';
  return [`-O${level}`, ...params.split(/\s+/).filter(Boolean)];
}

function namedWasm(bin, work) {
  const input = path.join(ROOT, 'target/nightly-release/wasm32-unknown-unknown/release', `${bin}.wasm`);
  if (!existsSync(input)) throw new Error(`${path.relative(ROOT, input)} not found: run \`make build\` first`);
  const out = path.join(work, bin);
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, input]);
  const bg = path.join(out, readdirSync(out).find((f) => f.endsWith('_bg.wasm')));
  const opt = wasmOptArgs(path.join(ROOT, PAGES[bin].html));
  const named = path.join(out, 'named.wasm');
  run('wasm-opt', [...opt, '-g', bg, '-o', named]);
  return { named, opt };
}

function shippedWasm(bin) {
  const dir = path.join(ROOT, PAGES[bin].dist);
  if (!existsSync(dir)) return null;
  const file = readdirSync(dir).find((f) => f.endsWith('_bg.wasm'));
  return file ? path.join(dir, file) : null;
}

// ---------------------------------------------------------------------------------------------
// The breakdown.

const gz = (buf) => gzipSync(buf, { level: 9 }).length;

export function breakdown(bytes, top = 12) {
  const { sections, bodies, names } = readWasm(bytes);
  const modules = new Map();
  const functions = [];
  for (const b of bodies) {
    const name = names.get(b.index) ?? `func${b.index}`;
    const { crate, module } = attribute(name);
    const size = b.end - b.start;
    const body = bytes.subarray(b.start, b.end);
    functions.push({ name, crate, module, size });
    const m = modules.get(module) ?? { module, crate, group: crateGroup(crate), functions: 0, raw: 0, chunks: [] };
    m.functions++;
    m.raw += size;
    m.chunks.push(body);
    modules.set(module, m);
  }
  const code = sections.find((s) => s.id === 10);
  const data = sections.find((s) => s.id === 11);
  const codeGzip = gz(bytes.subarray(code.start, code.end));
  // Each group's bodies compressed on their own overstate its share (no shared dictionary), so the
  // shares are scaled to add up to the code section's real gzip size: approximate, but comparable.
  let sumAlone = 0;
  for (const m of modules.values()) {
    m.gzipAlone = gz(Buffer.concat(m.chunks));
    sumAlone += m.gzipAlone;
    delete m.chunks;
  }
  for (const m of modules.values()) m.gzip = (m.gzipAlone / sumAlone) * codeGzip;
  const groups = new Map();
  for (const m of modules.values()) {
    const g = groups.get(m.group) ?? { group: m.group, functions: 0, raw: 0, gzip: 0 };
    g.functions += m.functions;
    g.raw += m.raw;
    g.gzip += m.gzip;
    groups.set(m.group, g);
  }
  const other = sections
    .filter((s) => s.id !== 10 && s.id !== 11 && !(s.id === 0 && s.name === 'name'))
    .reduce((n, s) => n + s.size, 0);
  const sorted = (map) => [...map.values()].sort((a, b) => b.raw - a.raw);
  return {
    total: bytes.length - (sections.find((s) => s.name === 'name')?.size ?? 0),
    code: { raw: code.size, gzip: codeGzip, functions: bodies.length },
    data: { raw: data?.size ?? 0, gzip: data ? gz(bytes.subarray(data.start, data.end)) : 0 },
    other,
    groups: sorted(groups),
    modules: sorted(modules),
    largest: functions.sort((a, b) => b.size - a.size).slice(0, top),
  };
}

const k = (n) => (n / 1024).toFixed(1);
const pct = (a, b) => `${((100 * a) / b).toFixed(1)}%`;

/** The breakdown as Markdown tables (also what the terminal shows). */
export function markdown(label, r, { modules = 30 } = {}) {
  const lines = [];
  const p = (s = '') => lines.push(s);
  p(`**${label}**: code ${k(r.code.raw)} KiB raw / ${k(r.code.gzip)} KiB gzip in ${r.code.functions} functions; ` +
    `data (strings, tables) ${k(r.data.raw)} KiB raw / ${k(r.data.gzip)} KiB gzip; other sections ${k(r.other)} KiB raw.`);
  p();
  p('| crate | functions | code, KiB raw | share | ≈ KiB gzip | ≈ share |');
  p('|---|---:|---:|---:|---:|---:|');
  for (const g of r.groups) {
    p(`| ${g.group} | ${g.functions} | ${k(g.raw)} | ${pct(g.raw, r.code.raw)} | ${k(g.gzip)} | ${pct(g.gzip, r.code.gzip)} |`);
  }
  p();
  p(`| module (largest ${modules}) | functions | code, KiB raw | share | ≈ KiB gzip |`);
  p('|---|---:|---:|---:|---:|');
  for (const m of r.modules.slice(0, modules)) {
    p(`| \`${m.module}\` | ${m.functions} | ${k(m.raw)} | ${pct(m.raw, r.code.raw)} | ${k(m.gzip)} |`);
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const json = opt('--json');
  const top = Number(opt('--top') ?? 12);
  const wasm = opt('--wasm');
  const results = [];
  if (wasm) {
    results.push({ bin: path.basename(wasm), ...breakdown(readFileSync(wasm), top) });
  } else {
    const bins = args.length ? args : ['compute-coverage', 'uncertainty'];
    const work = mkdtempSync(path.join(tmpdir(), 'size-breakdown-'));
    try {
      for (const bin of bins) {
        if (!PAGES[bin]) throw new Error(`unknown bin ${bin}; one of ${Object.keys(PAGES).join(', ')}`);
        const { named, opt: optArgs } = namedWasm(bin, work);
        const r = breakdown(readFileSync(named), top);
        const shipped = shippedWasm(bin);
        if (shipped) {
          const s = readWasm(readFileSync(shipped)).sections.find((x) => x.id === 10);
          r.shippedCode = s.size;
        }
        results.push({ bin, wasmOpt: optArgs.join(' '), ...r });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  for (const r of results) {
    const note = r.shippedCode ? ` (shipped code section ${k(r.shippedCode)} KiB; this build with names: ${k(r.code.raw)} KiB)` : '';
    console.log(markdown(`${r.bin}${note}`, r));
    console.log('\nlargest functions:');
    for (const f of r.largest) console.log(`  ${String(f.size).padStart(7)}  ${f.module}  ${f.name.replace(/\[[0-9a-f]{6,}\]/g, "").slice(0, 140)}`);
    console.log();
  }
  if (json) writeFileSync(json, JSON.stringify(results, null, 1));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(`size breakdown: ${e.message}`);
    process.exit(1);
  });
}
