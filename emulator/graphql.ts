// A small GraphQL reader for the Data Kiosk emulator: one query operation (named or not), fields
// with aliases and arguments (strings, numbers, booleans, null, enums, lists, input objects),
// comments and commas as GraphQL ignores them. Variables, fragments and directives are refused:
// a query that uses them is not one this package sends.

export type GraphqlValue =
	| { kind: 'string'; value: string }
	| { kind: 'number'; value: number }
	| { kind: 'boolean'; value: boolean }
	| { kind: 'null' }
	| { kind: 'enum'; value: string }
	| { kind: 'list'; values: GraphqlValue[] }
	| { kind: 'object'; fields: Record<string, GraphqlValue> };

export interface FieldNode {
	name: string;
	/** The key the field gets in the answer (its alias, or its name). */
	key: string;
	args: Record<string, GraphqlValue>;
	selections?: FieldNode[];
}

export class GraphqlError extends Error {}

interface Token {
	kind: 'punct' | 'name' | 'number' | 'string' | 'end';
	value: string;
	at: number;
}

export function parseQuery(text: string): FieldNode[] {
	const tokens = tokenize(text);
	let index = 0;
	const peek = () => tokens[index];
	const next = () => tokens[index++];
	const fail = (message: string, token = peek()): never => {
		const before = text.slice(0, token.at);
		const line = before.split('\n').length;
		const column = token.at - before.lastIndexOf('\n');
		throw new GraphqlError(`${message} (line ${line}, column ${column})`);
	};
	const expect = (value: string): void => {
		const token = next();
		if (token.kind !== 'punct' || token.value !== value) fail(`Expected "${value}", found "${token.value || 'the end'}"`, token);
	};

	const value = (): GraphqlValue => {
		const token = next();
		if (token.kind === 'string') return { kind: 'string', value: token.value };
		if (token.kind === 'number') return { kind: 'number', value: Number(token.value) };
		if (token.kind === 'name') {
			if (token.value === 'true' || token.value === 'false') return { kind: 'boolean', value: token.value === 'true' };
			if (token.value === 'null') return { kind: 'null' };
			return { kind: 'enum', value: token.value };
		}
		if (token.value === '[') {
			const values: GraphqlValue[] = [];
			while (peek().value !== ']') {
				if (peek().kind === 'end') fail('Unterminated list');
				values.push(value());
			}
			next();
			return { kind: 'list', values };
		}
		if (token.value === '{') {
			const fields: Record<string, GraphqlValue> = {};
			while (peek().value !== '}') {
				const name = next();
				if (name.kind !== 'name') fail('Expected an input field name', name);
				expect(':');
				fields[name.value] = value();
			}
			next();
			return { kind: 'object', fields };
		}
		if (token.value === '$') return fail('Variables are not supported: write the values into the query', token);
		return fail(`Unexpected "${token.value || 'end of query'}"`, token);
	};

	const selectionSet = (): FieldNode[] => {
		expect('{');
		const fields: FieldNode[] = [];
		while (peek().value !== '}') {
			const token = next();
			if (token.kind === 'punct' && token.value === '...') fail('Fragments are not supported', token);
			if (token.kind !== 'name') fail(`Expected a field name, found "${token.value || 'the end'}"`, token);
			const key = token.value;
			let name = token.value;
			if (peek().value === ':') {
				next();
				const real = next();
				if (real.kind !== 'name') fail('Expected a field name after the alias', real);
				name = real.value;
			}
			const args: Record<string, GraphqlValue> = {};
			if (peek().value === '(') {
				next();
				while (peek().value !== ')') {
					const argument = next();
					if (argument.kind !== 'name') fail('Expected an argument name', argument);
					if (argument.value in args) fail(`Argument "${argument.value}" given twice`, argument);
					expect(':');
					args[argument.value] = value();
				}
				next();
			}
			if (peek().value === '@') fail('Directives are not supported');
			fields.push({ name, key, args, selections: peek().value === '{' ? selectionSet() : undefined });
		}
		next();
		if (!fields.length) fail('A selection set cannot be empty');
		return fields;
	};

	if (peek().kind === 'name') {
		const keyword = next();
		if (keyword.value !== 'query') fail(`Only queries are supported, not "${keyword.value}"`, keyword);
		if (peek().kind === 'name') next();
		if (peek().value === '(') fail('Variables are not supported: write the values into the query');
	}
	const operation = selectionSet();
	if (peek().kind !== 'end') fail('Only one operation is supported');
	return operation;
}

const PUNCTUATORS = new Set(['!', '$', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let at = 0;
	while (at < text.length) {
		const char = text[at];
		if (/[\s,\uFEFF]/.test(char)) {
			at++;
		} else if (char === '#') {
			while (at < text.length && text[at] !== '\n') at++;
		} else if (text.startsWith('...', at)) {
			tokens.push({ kind: 'punct', value: '...', at });
			at += 3;
		} else if (PUNCTUATORS.has(char)) {
			tokens.push({ kind: 'punct', value: char, at });
			at++;
		} else if (/[_A-Za-z]/.test(char)) {
			const match = /^[_A-Za-z][_0-9A-Za-z]*/.exec(text.slice(at)) as RegExpExecArray;
			tokens.push({ kind: 'name', value: match[0], at });
			at += match[0].length;
		} else if (/[-0-9]/.test(char)) {
			const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(at));
			if (!match) throw new GraphqlError(`Invalid number at position ${at}`);
			tokens.push({ kind: 'number', value: match[0], at });
			at += match[0].length;
		} else if (char === '"') {
			const [value, end] = text.startsWith('"""', at) ? blockString(text, at) : string(text, at);
			tokens.push({ kind: 'string', value, at });
			at = end;
		} else {
			throw new GraphqlError(`Unexpected character "${char}" at position ${at}`);
		}
	}
	tokens.push({ kind: 'end', value: '', at: text.length });
	return tokens;
}

function string(text: string, start: number): [string, number] {
	let value = '';
	for (let at = start + 1; at < text.length; at++) {
		const char = text[at];
		if (char === '"') return [value, at + 1];
		if (char === '\n') break;
		if (char !== '\\') {
			value += char;
			continue;
		}
		const escaped = text[++at];
		if (escaped === 'u') {
			value += String.fromCharCode(parseInt(text.slice(at + 1, at + 5), 16));
			at += 4;
		} else {
			value += ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' } as Record<string, string>)[escaped] ?? escaped;
		}
	}
	throw new GraphqlError(`Unterminated string at position ${start}`);
}

function blockString(text: string, start: number): [string, number] {
	const end = text.indexOf('"""', start + 3);
	if (end === -1) throw new GraphqlError(`Unterminated block string at position ${start}`);
	return [text.slice(start + 3, end), end + 3];
}
