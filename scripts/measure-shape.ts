/**
 * Issue 17's shape numbers, re-measurable on any checkout: files over 300 lines and functions
 * over 80 lines in the tracked .ts/.tsx sources, and the `duplicates` pairs outside boilerplate
 * (when that command is on PATH).
 *
 *   npx tsx scripts/measure-shape.ts            # totals and per-folder counts
 *   npx tsx scripts/measure-shape.ts --list     # also every file and function over the limits
 *
 * Functions are found without the TypeScript compiler: a small scanner skips strings, template
 * literals, comments and regular expressions, matches braces, and counts a `{` as a function body
 * when it follows `=>` or closes a parameter list `(…)` (optionally with a return type) that is
 * not an `if`/`for`/`while`/`switch`/`catch` head. A function's length is its lines from the line
 * of its head to its closing brace; a nested function is counted on its own as well.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const FILE_LIMIT = 300;
const FUNCTION_LIMIT = 80;
const CONTROL = new Set(['if', 'for', 'while', 'switch', 'catch', 'with']);

interface Token {
  ch: string;
  at: number;
  line: number;
}

/** The significant punctuation of a source, with strings, comments and regexes skipped. */
export function scan(src: string): { code: string; tokens: Token[] } {
  const tokens: Token[] = [];
  let code = '';
  let line = 1;
  let i = 0;
  const templateDepth: number[] = [];
  let braceDepth = 0;
  const push = (ch: string) => {
    tokens.push({ ch, at: code.length, line });
    code += ch;
  };
  const lastSignificant = () => code.trimEnd().slice(-1);
  const skipQuoted = (q: string) => {
    i++;
    while (i < src.length && src[i] !== q) {
      if (src[i] === '\\') i++;
      else if (src[i] === '\n') line++;
      i++;
    }
    i++;
    code += '""';
  };
  const skipTemplate = () => {
    // From just after ` (or after the } closing a ${…}) to the closing ` or the next ${.
    while (i < src.length) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === '`') {
        i++;
        code += '""';
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        i += 2;
        templateDepth.push(braceDepth);
        return;
      }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i];
    const n = src[i + 1];
    if (c === '\n') {
      line++;
      code += '\n';
      i++;
    } else if (c === '/' && n === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && n === '*') {
      i += 2;
      while (i < src.length && !(src[i] === '*' && src[i + 1] === '/')) {
        if (src[i] === '\n') line++;
        i++;
      }
      i += 2;
    } else if (c === "'" || c === '"') {
      skipQuoted(c);
    } else if (c === '`') {
      i++;
      skipTemplate();
    } else if (c === '/' && /^$|[(,=:[!&|?{};+\-*%<>~^]$/.test(lastSignificant())) {
      // A regular expression literal: skip to its closing slash (character classes may hold one).
      i++;
      let inClass = false;
      while (i < src.length && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        else if (src[i] === '/' && !inClass) break;
        i++;
      }
      i++;
      code += '/r/';
    } else if (c === '{') {
      braceDepth++;
      push(c);
      i++;
    } else if (c === '}') {
      if (templateDepth.length > 0 && templateDepth[templateDepth.length - 1] === braceDepth) {
        templateDepth.pop();
        i++;
        skipTemplate();
      } else {
        braceDepth--;
        push(c);
        i++;
      }
    } else if (c === '(' || c === ')') {
      push(c);
      i++;
    } else {
      code += c;
      i++;
    }
  }
  return { code, tokens };
}

interface Found {
  file: string;
  line: number;
  lines: number;
  name: string;
}

/** The name a function head gives itself, for the list: `function x`, `x =`, `x(`, `x:`. */
function nameOf(head: string): string {
  const m =
    /function\s*\*?\s*([\w$]+)\s*(?:<[^(]*>)?\s*\($/.exec(head) ??
    /([\w$]+)\s*(?::[^=]*)?=\s*(?:async\s*)?(?:<[^(]*>)?\s*\([\s\S]*$/.exec(head) ??
    /([\w$]+)\s*(?:<[^(]*>)?\s*\($/.exec(head);
  return m?.[1] ?? '(anonymous)';
}

export function functionsOf(file: string, src: string): Found[] {
  const { code, tokens } = scan(src);
  const found: Found[] = [];
  const openParens: Token[] = [];
  const parenPairs = new Map<number, Token>(); // close paren offset -> open paren token
  const openBraces: { tok: Token; fn: { line: number; name: string } | null }[] = [];
  for (const t of tokens) {
    if (t.ch === '(') openParens.push(t);
    else if (t.ch === ')') {
      const open = openParens.pop();
      if (open) parenPairs.set(t.at, open);
    } else if (t.ch === '{') {
      openBraces.push({ tok: t, fn: functionHead(code, t, parenPairs) });
    } else if (t.ch === '}') {
      const open = openBraces.pop();
      if (open?.fn) {
        found.push({
          file,
          line: open.fn.line,
          lines: t.line - open.fn.line + 1,
          name: open.fn.name,
        });
      }
    }
  }
  return found;
}

function functionHead(
  code: string,
  brace: Token,
  parenPairs: Map<number, Token>,
): { line: number; name: string } | null {
  const start = Math.max(0, brace.at - 400);
  const before = code.slice(start, brace.at).trimEnd();
  let close: number;
  if (before.endsWith('=>')) {
    // `(…) =>` or `x =>`: the head is the parameter list before the arrow.
    const arrowAt = code.lastIndexOf('=>', brace.at);
    const beforeArrow = code.slice(0, arrowAt).trimEnd();
    if (!beforeArrow.endsWith(')')) {
      // `x => {` (or a return type ending in a name): the head starts on this line.
      return { line: brace.line, name: nameOf(`${beforeArrow.slice(-120)}(`) };
    }
    close = beforeArrow.length - 1;
  } else {
    // `…) {` or `…): Type {` : find the `)` that ends the parameter list.
    const m = /\)\s*(?::\s*[^{}();=]*(?:\([^()]*\)[^{}();=]*)*)?$/.exec(before);
    if (!m) return null;
    close = start + m.index;
  }
  const open = parenPairs.get(close);
  if (!open) return null;
  const head = code.slice(Math.max(0, open.at - 200), open.at + 1);
  const word = /([\w$]+)\s*\($/.exec(head)?.[1];
  if (word && CONTROL.has(word)) return null;
  if (!/(?:=>)$/.test(before) && !word && !/function\s*\*?\s*\($/.test(head)) return null;
  return { line: open.line, name: nameOf(head) };
}

function trackedSources(): string[] {
  const out = execFileSync('git', ['ls-files', '*.ts', '*.tsx'], { encoding: 'utf8' });
  return out.split('\n').filter((f) => f && !f.endsWith('.d.ts'));
}

function folderOf(file: string): string {
  return file.startsWith('web/src/') ? 'web' : (file.split('/')[0] ?? file);
}

function countBy(items: { file: string }[]): string {
  const counts = new Map<string, number>();
  for (const it of items) counts.set(folderOf(it.file), (counts.get(folderOf(it.file)) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

function duplicatePairs(): string {
  try {
    const out = execFileSync('duplicates', ['--most', '1', '--seconds', '120'], {
      encoding: 'utf8',
    });
    const head = out.split('\n')[0] ?? '';
    const m = /^(\d+) pairs.*?(\d+) of those marked boilerplate/.exec(head);
    if (!m) return head;
    return `${Number(m[1]) - Number(m[2])} outside boilerplate (${head})`;
  } catch {
    return 'not measured (`duplicates` is not on PATH)';
  }
}

function main(): void {
  const list = process.argv.includes('--list');
  const files = trackedSources();
  const longFiles: { file: string; lines: number }[] = [];
  const longFunctions: Found[] = [];
  for (const file of files) {
    const src = readFileSync(file, 'utf8');
    const lines = src.split('\n').length - (src.endsWith('\n') ? 1 : 0);
    if (lines > FILE_LIMIT) longFiles.push({ file, lines });
    for (const f of functionsOf(file, src)) if (f.lines > FUNCTION_LIMIT) longFunctions.push(f);
  }
  console.log(`source files (.ts/.tsx, tracked): ${files.length}`);
  console.log(`files over ${FILE_LIMIT} lines: ${longFiles.length} (${countBy(longFiles)})`);
  console.log(
    `functions over ${FUNCTION_LIMIT} lines: ${longFunctions.length} (${countBy(longFunctions)})`,
  );
  console.log(`duplicates pairs: ${duplicatePairs()}`);
  if (list) {
    console.log('\nfiles:');
    for (const f of longFiles.sort((a, b) => b.lines - a.lines))
      console.log(`  ${f.lines}\t${f.file}`);
    console.log('\nfunctions:');
    for (const f of longFunctions.sort((a, b) => b.lines - a.lines))
      console.log(`  ${f.lines}\t${f.file}:${f.line} ${f.name}`);
  }
}

if (require.main === module) main();
