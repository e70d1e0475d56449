// HTTP_PROXY / NO_PROXY are honoured as n8n honours them: the emulator listens on 127.0.0.2, a
// forwarding proxy on 127.0.0.1, and every request of the node must go through the proxy.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';

import type { AmazonEmulator } from '../emulator';
import { emulatorCredentials, startAmazonEmulator } from '../emulator';

let proxy: Server;
let emulator: AmazonEmulator;
const proxied: string[] = [];

before(async () => {
	proxy = createServer((request, response) => {
		// Plain HTTP through a proxy: the request line holds the absolute URL.
		proxied.push(`${request.method} ${request.url}`);
		const upstream = httpRequest(request.url ?? '', { method: request.method, headers: request.headers }, (answer) => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		request.pipe(upstream);
	});
	proxy.on('connect', (request, socket, head) => {
		// Tunnelled requests: CONNECT host:port, then raw bytes both ways.
		proxied.push(`CONNECT ${request.url}`);
		const [host, port] = String(request.url).split(':');
		const upstream = connect(Number(port), host, () => {
			socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(socket);
			socket.pipe(upstream);
		});
		upstream.on('error', () => socket.destroy());
		socket.on('error', () => upstream.destroy());
	});
	await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
	process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	process.env.NO_PROXY = 'localhost,127.0.0.1';
	emulator = await startAmazonEmulator({ host: '127.0.0.2' });
});

after(async () => {
	await emulator.close();
	proxy.closeAllConnections();
	await new Promise((resolve) => proxy.close(resolve));
});

test('every request goes through HTTP_PROXY when the host is not in NO_PROXY', async () => {
	// Loaded after the variables are set, as n8n starts with them in its environment.
	const { runNode } = await import('./harness/engine');
	const { items, error } = await runNode({
		type: 'n8n-nodes-amazon-reports.amazonAppstore',
		parameters: { operation: 'getSalesReport', period: 'month', month: '2025-01' },
		credentials: { amazonAppstoreReportingApi: emulatorCredentials(emulator).amazonAppstoreReportingApi },
	});
	assert.equal(error, undefined, error?.message);
	assert.ok(items.length > 0);
	const emulatorRequests = emulator.requests.length;
	assert.equal(emulatorRequests, 3, 'token, report link, download');
	assert.ok(proxied.length >= 1, 'the proxy carried the traffic');
	assert.ok(proxied.every((line) => line.includes('127.0.0.2')), proxied.join('\n'));
});
