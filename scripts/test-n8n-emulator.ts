// The built-in Amazon emulator for scripts/test-n8n.mjs: listens on EMULATOR_PORT (0 = any free
// port) and prints one JSON line with the credential values that point n8n at it.
import { emulatorCredentials, startAmazonEmulator } from '../emulator';

async function main(): Promise<void> {
	const emulator = await startAmazonEmulator({ port: Number(process.env.EMULATOR_PORT ?? 0), settlements: true });
	console.log(JSON.stringify({ baseUrl: emulator.baseUrl, credentials: emulatorCredentials(emulator) }));
	const stop = () => void emulator.close().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('SIGINT', stop);
}

void main();
