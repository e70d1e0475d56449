// The built-in Amazon: one HTTP server on 127.0.0.1 playing Login with Amazon, the Appstore
// Reporting API, the Selling Partner Reports and Data Kiosk APIs and presigned S3 downloads.
// Strict where Amazon is strict, so the package's mistakes fail tests; observable, so tests can
// assert what was sent.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { AppstoreEmulator } from './appstore';
import { DataKioskEmulator } from './data-kiosk';
import { LoginWithAmazon } from './lwa';
import { S3Emulator } from './s3';
import { SellingPartnerApiEmulator } from './sp-api';
import type { RecordedRequest, Reply } from './types';
import { EmulatorClock } from './types';

export type { RecordedRequest, Reply } from './types';
export { EmulatorClock } from './types';

export interface Injection {
	method?: string;
	path: string | RegExp;
	/** How many matching requests get this answer (default 1). */
	times?: number;
	status?: number;
	body?: string;
	headers?: Record<string, string>;
	/** Answer only after this long (to test timeouts and cancellation). */
	delayMs?: number;
	/** Drop the connection instead of answering. */
	resetConnection?: boolean;
}

export class AmazonEmulator {
	readonly requests: RecordedRequest[] = [];

	readonly clock = new EmulatorClock();

	/** Clients that hung up while a delayed answer was pending (e.g. a cancelled execution). */
	clientDisconnects = 0;

	readonly lwa: LoginWithAmazon;

	readonly s3: S3Emulator;

	readonly appstore: AppstoreEmulator;

	readonly spApi: SellingPartnerApiEmulator;

	readonly dataKiosk: DataKioskEmulator;

	private injections: Array<Injection & { remaining: number }> = [];

	constructor(
		private readonly server: Server,
		readonly baseUrl: string,
	) {
		this.lwa = new LoginWithAmazon(this.clock);
		this.s3 = new S3Emulator(baseUrl, this.clock);
		this.appstore = new AppstoreEmulator(this.lwa, this.s3, this.clock);
		this.spApi = new SellingPartnerApiEmulator({
			isValidAccessToken: (token) => this.lwa.validate(token) !== undefined,
			putObject: (key, bytes, contentType, contentEncoding) => this.s3.put(key, bytes, contentType, contentEncoding),
			presign: (key, options) => this.s3.presign(key, 299, options),
			now: () => this.clock.now(),
		});
		this.dataKiosk = new DataKioskEmulator({
			isValidAccessToken: (token) => this.lwa.validate(token) !== undefined,
			putObject: (key, bytes, contentType, contentEncoding) => this.s3.put(key, bytes, contentType, contentEncoding),
			presign: (key) => this.s3.presign(key, 299),
			now: () => this.clock.now(),
		});
	}

	get tokenUrl(): string {
		return `${this.baseUrl}/auth/o2/token`;
	}

	get appstoreApiBaseUrl(): string {
		return this.baseUrl;
	}

	get spApiBaseUrl(): string {
		return this.baseUrl;
	}

	/** The next matching requests get this answer instead of the real one. */
	inject(injection: Injection): void {
		this.injections.push({ ...injection, remaining: injection.times ?? 1 });
	}

	/** Back to a fresh Amazon: no requests, injections, custom reports, tokens or clock offset. */
	reset(): void {
		this.requests.length = 0;
		this.clientDisconnects = 0;
		this.injections = [];
		this.clock.reset();
		this.lwa.reset();
		this.s3.reset();
		this.appstore.reset();
		this.spApi.reset();
		this.dataKiosk.reset();
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}

	async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', this.baseUrl);
		const body = await readBody(request);
		const recorded: RecordedRequest = {
			method: request.method ?? 'GET',
			path: url.pathname,
			query: Object.fromEntries(url.searchParams),
			headers: Object.fromEntries(
				Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
			),
			body,
			at: Date.now(),
		};
		this.requests.push(recorded);

		const injection = this.takeInjection(recorded);
		if (injection) {
			if (injection.delayMs && !(await delay(injection.delayMs, request))) {
				this.clientDisconnects++;
				return;
			}
			if (injection.resetConnection) {
				request.socket.destroy();
				return;
			}
			recorded.status = injection.status ?? 200;
			send(response, { status: recorded.status, headers: injection.headers, body: injection.body ?? '' });
			return;
		}
		const reply = this.route(recorded);
		recorded.status = reply.status;
		send(response, reply);
	}

	private route(request: RecordedRequest): Reply {
		if (request.path === '/auth/o2/token') return this.lwa.handle(request);
		if (request.path.startsWith('/s3/')) return this.s3.handle(request);
		if (request.path.startsWith('/api/appstore/')) return this.appstore.handle(request);
		const spAnswer = this.spApi.handle(request) ?? this.dataKiosk.handle(request);
		if (spAnswer) return { status: spAnswer.status, headers: spAnswer.headers, body: spAnswer.body };
		return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' };
	}

	private takeInjection(request: RecordedRequest): Injection | undefined {
		const found = this.injections.find(
			(injection) =>
				injection.remaining > 0 &&
				(!injection.method || injection.method === request.method) &&
				(typeof injection.path === 'string' ? request.path === injection.path : injection.path.test(request.path)),
		);
		if (found) found.remaining--;
		return found;
	}
}

export async function startAmazonEmulator(
	options: {
		port?: number;
		host?: string;
		/** Settlements Amazon made on its schedule lately (a US and a German one), for the examples and a real n8n. */
		settlements?: boolean;
	} = {},
): Promise<AmazonEmulator> {
	const host = options.host ?? '127.0.0.1';
	// The server exists before the emulator that handles its requests.
	const ready: { emulator?: AmazonEmulator } = {};
	const server = createServer((request, response) => {
		ready.emulator?.handle(request, response).catch((error: unknown) => {
			send(response, { status: 500, headers: { 'content-type': 'text/plain' }, body: `emulator error: ${String(error)}` });
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	ready.emulator = new AmazonEmulator(server, `http://${host}:${port}`);
	if (options.settlements) ready.emulator.spApi.addSettlementSchedule();
	return ready.emulator;
}

async function readBody(request: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: Reply): void {
	if (response.headersSent || response.destroyed) return;
	const body = reply.body ?? '';
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.length);
	response.writeHead(reply.status, { 'content-length': String(bytes.length), ...reply.headers });
	const end = reply.cutAfterBytes === undefined ? bytes.length : Math.min(reply.cutAfterBytes, bytes.length);
	// Larger bodies go out in pieces, so clients really stream them.
	const piece = 16 * 1024;
	const cut = reply.cutAfterBytes !== undefined;
	// A cut connection is reset once its bytes are out: in the middle of the body, after the headers.
	const reset = () =>
		reply.cutHoldMs ? setTimeout(() => response.socket?.resetAndDestroy(), reply.cutHoldMs) : setImmediate(() => response.socket?.resetAndDestroy());
	if (cut && end === 0) response.flushHeaders();
	for (let offset = 0; offset < end; offset += piece) {
		const last = offset + piece >= end;
		response.write(bytes.subarray(offset, Math.min(offset + piece, end)), cut && last ? reset : undefined);
	}
	if (cut) {
		if (end === 0) reset();
		return;
	}
	response.end();
}

/** Waits; false when the client hung up first (a cancelled execution ends the wait early). */
function delay(ms: number, request: IncomingMessage): Promise<boolean> {
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(true), ms);
		request.socket.once('close', () => {
			clearTimeout(timer);
			resolve(false);
		});
	});
}
