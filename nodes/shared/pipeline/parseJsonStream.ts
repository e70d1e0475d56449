// Parsing stage for big JSON documents (Brand Analytics, vendor analytics: several GB): the
// elements of the document's lists are handed over one at a time, in bounded memory, and the small
// top-level members (reportSpecification, marketplaceIds …) whole, wherever they stand.
//
// How: a scanner walks the text once, chunk by chunk, keeping only the element it is in the middle
// of. It checks the document's own structure ({ "name": value, … }) strictly, and finds where each
// element ends by counting brackets outside strings (strings are skipped with indexOf). The
// complete elements of a chunk are then parsed together by one JSON.parse, which checks them
// strictly too. Nothing recurses and nothing is spread; any text is at most one element (or one
// small member) plus the chunk in hand, each element capped at `maxElementChars`.
import { AmazonRequestError } from '../errors';
import { breathe } from './cooperate';

export interface JsonStreamOptions {
	/**
	 * The top-level members whose elements are handed over one by one. 'objects': every top-level
	 * list whose first element is an object (a report type the package does not know).
	 */
	lists: readonly string[] | 'objects';
	/** Most characters of one element, and of any other top-level member (which is kept whole). */
	maxElementChars: number;
	/** The document, for messages ("Search Terms report 5003 (document …)"). */
	what: string;
}

export interface JsonStreamSink {
	/** A top-level member that is not streamed, parsed whole. A document that is a list is a member "items". */
	member(name: string, value: unknown): void;
	/** One element of a streamed list, in order. */
	element(list: string, value: unknown): void;
}

/** What a document held: its elements per streamed list, in the order the lists came. */
export type JsonStreamCounts = Map<string, number>;

/** Reads a JSON document from decoded text chunks, handing its elements and members to `sink`. */
export async function readJsonStream(texts: AsyncIterable<string>, options: JsonStreamOptions, sink: JsonStreamSink): Promise<JsonStreamCounts> {
	const parser = new JsonStreamParser(options, sink);
	for await (const text of texts) {
		parser.push(text);
		await breathe();
	}
	parser.end();
	return parser.counts;
}

const enum Expect {
	/** The document's first character: { (or [ for a document that is a list). */
	Document,
	/** A member's name, or the } of an empty document. */
	FirstName,
	/** A member's name (after a comma). */
	Name,
	Colon,
	Value,
	/** An element of a streamed list, or the ] of an empty one. */
	FirstElement,
	Element,
	/** , or ] after an element. */
	ElementEnd,
	/** , or } after a member. */
	MemberEnd,
	/** Nothing but white space. */
	End,
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

class JsonStreamParser {
	readonly counts: JsonStreamCounts = new Map();

	/** Text not yet consumed: the value being scanned (at most one element or member), then the rest of the chunk. */
	private buffer = '';

	/** Characters of the document before `buffer`, for positions in messages. */
	private consumed = 0;

	private started = false;

	private expect = Expect.Document;

	/** The document is a list (its elements are the list "items"), not an object. */
	private documentIsList = false;

	/** The member being read (a streamed list's name while in it). */
	private name = '';

	private inList = false;

	/** Where a token cut by the buffer's end starts (a member name, a list's [), to keep it for the next chunk. */
	private waitingFrom = -1;

	/** The value being scanned: where it starts in `buffer`, how far the scan got, its bracket depth, whether inside a string. */
	private valueStart = -1;

	private scanAt = 0;

	private depth = 0;

	private inString = false;

	/** Elements scanned but not yet parsed: where each starts in `buffer`, and where the last one ends. */
	private readonly batchStarts: number[] = [];

	private batchEnd = 0;

	constructor(
		private readonly options: JsonStreamOptions,
		private readonly sink: JsonStreamSink,
	) {}

	push(text: string): void {
		if (!text) return;
		if (!this.started) {
			this.started = true;
			if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
		}
		this.buffer = this.buffer ? this.buffer + text : text;
		this.run();
	}

	end(): void {
		if (this.expect === Expect.End || (this.expect === Expect.Document && !this.buffer.trim())) return;
		const done = (this.counts.get(this.name) ?? 0).toLocaleString('en-US');
		const where = !this.inList ? '' : this.expect === Expect.ElementEnd ? ` after element ${done} of "${this.name}"` : ` in element ${this.elementNumber()} of "${this.name}"`;
		throw this.invalid(`it ends in the middle of its data${where}: the download was cut short or the document is incomplete`);
	}

	/** Reads as far as the buffer goes, hands over what is complete, and keeps only the rest. */
	private run(): void {
		const text = this.buffer;
		let at = 0;
		for (;;) {
			if (this.valueStart !== -1) {
				const end = this.scanValue(text);
				if (end === -1) {
					this.checkSize(text);
					break;
				}
				if (this.inList) {
					this.batchStarts.push(this.valueStart);
					this.batchEnd = end;
					this.expect = Expect.ElementEnd;
				} else {
					this.sink.member(this.name, this.parse(text.slice(this.valueStart, end), this.valueStart, ` (member "${this.name}")`));
					this.expect = this.documentIsList ? Expect.End : Expect.MemberEnd;
				}
				this.valueStart = -1;
				at = end;
				continue;
			}
			at = skipWhiteSpace(text, at);
			if (at >= text.length) break;
			at = this.inList ? this.readListToken(text, at) : this.readStructure(text, at);
			if (at === -1) break;
		}
		this.parseBatch(text);
		this.keepUnconsumed(text, at);
	}

	/** The document's own punctuation around its members. Returns where to go on, or -1 to wait for more text. */
	private readStructure(text: string, at: number): number {
		const code = text.charCodeAt(at);
		switch (this.expect) {
			case Expect.Document:
				if (code === OPEN_BRACE) {
					this.expect = Expect.FirstName;
					return at + 1;
				}
				if (code === OPEN_BRACKET) {
					this.documentIsList = true;
					this.name = 'items';
					return this.readValue(text, at);
				}
				throw this.unexpected(text, at, 'a JSON object ({) at the start');
			case Expect.FirstName:
			case Expect.Name: {
				if (code === CLOSE_BRACE && this.expect === Expect.FirstName) {
					this.expect = Expect.End;
					return at + 1;
				}
				if (code !== QUOTE) throw this.unexpected(text, at, 'a member name in quotes');
				const close = stringEnd(text, at + 1);
				if (close === -1) return this.waitFrom(text, at, 'a member name');
				this.name = this.parse(text.slice(at, close + 1), at) as string;
				this.expect = Expect.Colon;
				return close + 1;
			}
			case Expect.Colon:
				if (code !== COLON) throw this.unexpected(text, at, `a colon after "${this.name}"`);
				this.expect = Expect.Value;
				return at + 1;
			case Expect.Value:
				return this.readValue(text, at);
			case Expect.MemberEnd:
				if (code === COMMA) {
					this.expect = Expect.Name;
					return at + 1;
				}
				if (code === CLOSE_BRACE) {
					this.expect = Expect.End;
					return at + 1;
				}
				throw this.unexpected(text, at, `a comma or } after "${this.name}"`);
			default:
				throw this.unexpected(text, at, 'nothing after the end of the document');
		}
	}

	/** A member's value: a list that streams, or a value kept whole. */
	private readValue(text: string, at: number): number {
		if (text.charCodeAt(at) === OPEN_BRACKET) {
			const lists = this.options.lists;
			let streams = lists !== 'objects' && lists.includes(this.name);
			if (lists === 'objects') {
				// A list streams when its first element is an object: other lists (of IDs …) are small members.
				const first = skipWhiteSpace(text, at + 1);
				if (first >= text.length) return this.waitFrom(text, at, `the start of "${this.name}"`);
				streams = text.charCodeAt(first) === OPEN_BRACE;
			}
			if (streams) {
				this.inList = true;
				this.expect = Expect.FirstElement;
				if (!this.counts.has(this.name)) this.counts.set(this.name, 0);
				return at + 1;
			}
		}
		this.startValue(at);
		return at;
	}

	/** Inside a streamed list: the commas, the closing ], and the start of each element. */
	private readListToken(text: string, at: number): number {
		const code = text.charCodeAt(at);
		if (this.expect === Expect.ElementEnd) {
			if (code === COMMA) {
				this.expect = Expect.Element;
				return at + 1;
			}
			if (code !== CLOSE_BRACKET) throw this.unexpected(text, at, `a comma or ] after element ${this.elementNumber(this.batchStarts.length - 1)} of "${this.name}"`);
			return this.endList(text, at);
		}
		if (code === CLOSE_BRACKET && this.expect === Expect.FirstElement) return this.endList(text, at);
		if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === COLON) {
			throw this.unexpected(text, at, `element ${this.elementNumber()} of "${this.name}"`);
		}
		this.expect = Expect.Element;
		this.startValue(at);
		return at;
	}

	private endList(text: string, at: number): number {
		this.parseBatch(text);
		this.inList = false;
		this.expect = this.documentIsList ? Expect.End : Expect.MemberEnd;
		return at + 1;
	}

	private startValue(at: number): void {
		this.valueStart = at;
		this.scanAt = at;
		this.depth = 0;
		this.inString = false;
	}

	/**
	 * Scans the value that starts at `valueStart` from where the last scan stopped; returns where it
	 * ends, or -1 if the buffer ends first (the scan's state is kept for the next chunk).
	 */
	private scanValue(text: string): number {
		let at = this.scanAt;
		let depth = this.depth;
		const length = text.length;
		if (this.inString) {
			const close = stringEnd(text, at);
			if (close === -1) {
				this.scanAt = length;
				return -1;
			}
			this.inString = false;
			at = close + 1;
			if (depth === 0) return at;
		} else if (at === this.valueStart) {
			const first = text.charCodeAt(at);
			if (first === QUOTE) {
				const close = stringEnd(text, at + 1);
				if (close !== -1) return close + 1;
				this.inString = true;
				this.scanAt = length;
				return -1;
			}
			if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
				// A number, true, false or null: up to the next delimiter (JSON.parse checks what it is).
				return scalarEnd(text, at);
			}
		}
		while (at < length) {
			const code = text.charCodeAt(at);
			if (code === QUOTE) {
				const close = stringEnd(text, at + 1);
				if (close === -1) {
					this.inString = true;
					this.scanAt = length;
					this.depth = depth;
					return -1;
				}
				at = close + 1;
				continue;
			}
			if (code === OPEN_BRACE || code === OPEN_BRACKET) {
				depth++;
			} else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
				depth--;
				if (depth === 0) return at + 1;
			}
			at++;
		}
		this.scanAt = at;
		this.depth = depth;
		return -1;
	}

	/** Parses the elements scanned so far in one JSON.parse, and hands them over. */
	private parseBatch(text: string): void {
		const starts = this.batchStarts;
		if (!starts.length) return;
		const list = this.name;
		const before = this.counts.get(list) ?? 0;
		let values: unknown[];
		try {
			values = JSON.parse(`[${text.slice(starts[0], this.batchEnd)}]`) as unknown[];
		} catch {
			// Which element it is: parsed one by one, the first that fails says why.
			for (let index = 0; index < starts.length; index++) {
				const end = index + 1 < starts.length ? text.lastIndexOf(',', starts[index + 1]) : this.batchEnd;
				this.parse(text.slice(starts[index], end), starts[index], ` (element ${this.elementNumber(index)} of "${list}")`);
			}
			throw this.invalid(`elements ${this.elementNumber(0)}–${this.elementNumber(starts.length - 1)} of "${list}" do not parse together`);
		}
		starts.length = 0;
		for (let index = 0; index < values.length; index++) {
			try {
				this.sink.element(list, values[index]);
			} catch (error) {
				throw elementError(this.options.what, list, before + index + 1, error);
			}
		}
		this.counts.set(list, before + values.length);
	}

	/** Waits for the next chunk to complete a token that starts at `at`. */
	private waitFrom(text: string, at: number, what: string): number {
		if (text.length - at > this.options.maxElementChars) throw this.tooLong(what, text.length - at);
		this.waitingFrom = at;
		return -1;
	}

	/** Drops the consumed text, keeping the value or token a later chunk completes. */
	private keepUnconsumed(text: string, at: number): void {
		let from = at === -1 ? text.length : Math.min(at, text.length);
		if (this.waitingFrom !== -1) from = this.waitingFrom;
		if (this.valueStart !== -1) from = this.valueStart;
		this.waitingFrom = -1;
		this.consumed += from;
		this.buffer = from >= text.length ? '' : text.slice(from);
		if (this.valueStart !== -1) {
			this.valueStart -= from;
			this.scanAt -= from;
		}
	}

	private checkSize(text: string): void {
		const size = text.length - this.valueStart;
		if (size <= this.options.maxElementChars) return;
		throw this.tooLong(this.inList ? `element ${this.elementNumber()} of "${this.name}"` : `the member "${this.name}"`, size);
	}

	/** The 1-based number of an element of the batch in hand (by default, the next one). */
	private elementNumber(indexInBatch = this.batchStarts.length): string {
		return ((this.counts.get(this.name) ?? 0) + indexInBatch + 1).toLocaleString('en-US');
	}

	private parse(json: string, at: number, where = ''): unknown {
		try {
			return JSON.parse(json);
		} catch (error) {
			// V8's message, without the text it quotes (report data) or its position (of the fragment).
			const reason = error instanceof Error ? error.message.replace(/\s+in JSON at position \d+.*$/s, '').replace(/, ".*" is not valid JSON$/s, '') : String(error);
			throw this.invalid(`${reason.slice(0, 120)}, near character ${(this.consumed + at + 1).toLocaleString('en-US')}${where}`);
		}
	}

	private unexpected(text: string, at: number, wanted: string): AmazonRequestError {
		const found = text.slice(at, at + 20).replace(/\s+/g, ' ');
		return this.invalid(`expected ${wanted} at character ${(this.consumed + at + 1).toLocaleString('en-US')}, found "${found}"`);
	}

	private tooLong(what: string, size: number): AmazonRequestError {
		return new AmazonRequestError(
			`The ${this.options.what} cannot be read: ${what} is longer than ${this.options.maxElementChars.toLocaleString('en-US')} characters (${size.toLocaleString('en-US')} so far)`,
			{ description: 'A report’s elements are small: this one is damaged or not the report it should be. Download it as a binary file to check it.' },
		);
	}

	private invalid(reason: string): AmazonRequestError {
		return new AmazonRequestError(`The ${this.options.what} is not valid JSON: ${reason}`, {
			description:
				'Amazon sent a damaged or incomplete document; no items were returned from it. Run the node again; if it persists, download it as a binary file to look at it.',
		});
	}
}

function skipWhiteSpace(text: string, at: number): number {
	const length = text.length;
	while (at < length) {
		const code = text.charCodeAt(at);
		if (code !== 32 && code !== 10 && code !== 13 && code !== 9) break;
		at++;
	}
	return at;
}

/** The closing quote of a string whose content starts at `from` (escapes skipped), or -1. */
function stringEnd(text: string, from: number): number {
	for (let quote = text.indexOf('"', from); quote !== -1; quote = text.indexOf('"', quote + 1)) {
		let backslashes = 0;
		while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
		if (backslashes % 2 === 0) return quote;
	}
	return -1;
}

/** Where a number or literal ends (the next delimiter or white space), or -1 if the text ends first. */
function scalarEnd(text: string, from: number): number {
	for (let at = from; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE || code === 32 || code === 10 || code === 13 || code === 9) return at;
	}
	return -1;
}

function elementError(what: string, list: string, number: number, cause: unknown): AmazonRequestError {
	if (cause instanceof AmazonRequestError) {
		return new AmazonRequestError(`${cause.message} (${what}, element ${number.toLocaleString('en-US')} of "${list}")`, cause.details);
	}
	const reason = cause instanceof Error ? cause.message : String(cause);
	return new AmazonRequestError(`Element ${number.toLocaleString('en-US')} of "${list}" in the ${what} could not be turned into an item: ${reason}`, {
		description: 'Please report this with the element (without personal data) so the report type can be fixed.',
	});
}
