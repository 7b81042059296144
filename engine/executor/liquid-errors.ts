import { LiquidError, type Token } from 'liquidjs';

export type TemplateErrorKind = 'syntax' | 'unknown_variable' | 'unknown_filter' | 'runtime';

/** 1-based, as an editor shows it; `col` counts UTF-16 code units like liquidjs. */
export interface TemplatePosition {
  line: number;
  col: number;
}

/** What is wrong with a template: plain data, fit to cross the API to the editor. */
export interface TemplateProblem {
  kind: TemplateErrorKind;
  /** One sentence with its place: `unknown variable "order.totl" at line 1, column 4`. */
  message: string;
  /** Where the offending token starts; null only for a failure liquidjs could not place. */
  position: TemplatePosition | null;
  /** The offending text: the variable path, the filter or tag name, or the tag/output source. */
  token: string | null;
}

/** A template that did not parse or render. Thrown by `render`; never a blank send. */
export class TemplateError extends Error {
  override name = 'TemplateError';
  readonly kind: TemplateErrorKind;
  readonly position: TemplatePosition | null;
  readonly token: string | null;

  constructor(problem: TemplateProblem | string, options?: ErrorOptions) {
    const structured = typeof problem === 'string' ? { kind: 'runtime' as const, message: problem, position: null, token: null } : problem;
    super(structured.message, options);
    this.kind = structured.kind;
    this.position = structured.position;
    this.token = structured.token;
  }

  get problem(): TemplateProblem {
    return { kind: this.kind, message: this.message, position: this.position, token: this.token };
  }
}

/** Thrown by a wrapped filter so the problem points at the filter, not at the whole `{{ }}`. */
export class FilterFailure extends Error {
  override name = 'FilterFailure';
  readonly filter: string;
  readonly token: Token | undefined;

  constructor(filter: string, cause: unknown, token: Token | undefined) {
    super(messageOf(cause), { cause });
    this.filter = filter;
    this.token = token;
  }
}

/** A parse-time refusal of ours (e.g. `{% include %}`) whose message is already a sentence. */
export class TemplateRefusal extends Error {
  override name = 'TemplateRefusal';
}

export function problemAt(kind: TemplateErrorKind, what: string, position: TemplatePosition | null, token: string | null): TemplateProblem {
  return { kind, message: position ? `${what} at line ${position.line}, column ${position.col}` : what, position, token };
}

/** Turns whatever liquidjs (or a filter) threw into a problem with its place. */
export function toTemplateProblem(error: unknown): TemplateProblem {
  if (error instanceof TemplateError) return error.problem;
  if (!LiquidError.is(error)) return problemAt('runtime', messageOf(error), null, null);
  const failure = 'errors' in error && Array.isArray(error.errors) && LiquidError.is(error.errors[0]) ? error.errors[0] : error;
  const { token, originalError: original } = failure;
  const detail = original ? original.message : stripPlace(failure.message);
  const at = token ? positionIn(token.input, token.begin) : null;

  if (failure.name === 'UndefinedVariableError') {
    const name = original && 'variableName' in original && typeof original.variableName === 'string' ? original.variableName : (token?.getText() ?? '');
    return problemAt('unknown_variable', `unknown variable "${name}"`, at, name);
  }
  const unknownFilter = /^undefined filter: (.+)$/.exec(detail);
  if (unknownFilter) {
    const name = unknownFilter[1]!;
    const offset = token ? findFilter(token, name) : null;
    return problemAt('unknown_filter', `unknown filter "${name}"`, offset === null ? at : positionIn(token!.input, offset), name);
  }
  if (original instanceof FilterFailure) {
    const place = original.token ? positionIn(original.token.input, original.token.begin) : at;
    return problemAt('runtime', `filter "${original.filter}": ${original.message}`, place, original.filter);
  }
  if (original instanceof TemplateRefusal) return problemAt('syntax', original.message, at, token ? excerpt(token.getText()) : null);
  if (failure.name === 'TokenizationError' || failure.name === 'ParseError') return syntaxProblem(detail, token, at);
  const source = token ? excerpt(token.getText()) : null;
  return problemAt('runtime', source ? `${detail} in ${quote(source)}` : detail, at, source);
}

export function positionIn(input: string, offset: number): TemplatePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < input.length; i++) {
    if (input[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function syntaxProblem(detail: string, token: Token | undefined, at: TemplatePosition | null): TemplateProblem {
  const source = token ? excerpt(token.getText()) : null;
  const unknownTag = /^tag "(.+)" not found$/.exec(detail);
  if (unknownTag) return problemAt('syntax', `unknown tag "${unknownTag[1]}"`, at, unknownTag[1]!);
  const unclosed = /^(?:tag (\{%[\s\S]*%\})|(output|raw) "([\s\S]*)") not closed$/.exec(detail);
  if (unclosed) {
    const what = unclosed[1] ? 'tag' : unclosed[2]!;
    const text = excerpt(unclosed[1] ?? unclosed[3] ?? '');
    return problemAt('syntax', what === 'raw' ? `unclosed raw block` : `unclosed ${what} "${text}"`, at, text);
  }
  if (source && detail.startsWith('unexpected character')) return problemAt('syntax', `syntax error: unexpected ${quote(source)}`, at, source);
  return problemAt('syntax', `syntax error: ${detail}${source && !detail.includes(source) ? ` near ${quote(source)}` : ''}`, at, source);
}

/** Double quotes, or single ones around text that holds a double quote: `'"b"'`. */
function quote(text: string): string {
  return text.includes('"') && !text.includes("'") ? `'${text}'` : `"${text}"`;
}

/**
 * The offset of `| name` inside a tag or output token, skipping quoted strings; liquidjs only
 * reports the enclosing `{{ … }}` for an unknown filter found while parsing.
 */
function findFilter(token: Token, name: string): number | null {
  const { input, begin, end } = token;
  let quote: string | null = null;
  for (let i = begin; i < end; i++) {
    const char = input[i];
    if (quote) {
      if (char === quote) quote = null;
      continue;
    }
    if (char === '"' || char === "'") quote = char;
    else if (char === '|') {
      let start = i + 1;
      while (start < end && /\s/.test(input[start]!)) start++;
      const after = input[start + name.length];
      if (input.startsWith(name, start) && (after === undefined || !/[\w?-]/.test(after))) return start;
    }
  }
  return null;
}

function stripPlace(message: string): string {
  return message.replace(/(, file:[^,]*)?, line:\d+, col:\d+$/, '');
}

function excerpt(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
