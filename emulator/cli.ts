// npm run emulator: the built-in Amazon on a fixed port, to try the package in a real n8n.
import { EMULATOR_APPSTORE_CLIENT, EMULATOR_SP_API_CLIENT, startAmazonEmulator } from './index';

async function main() {
	const port = Number(process.env.EMULATOR_PORT ?? 4510);
	const emulator = await startAmazonEmulator({ port, settlements: true });
	console.log(`Amazon emulator listening on ${emulator.baseUrl}

Create the credentials in n8n with Environment: Custom and:
  Token URL     ${emulator.tokenUrl}
  API Base URL  ${emulator.baseUrl}

Amazon Appstore Reporting API
  Client ID      ${EMULATOR_APPSTORE_CLIENT.clientId}
  Client Secret  ${EMULATOR_APPSTORE_CLIENT.clientSecret}
  Scope          ${EMULATOR_APPSTORE_CLIENT.scope}

Amazon Selling Partner API (any region)
  Client ID      ${EMULATOR_SP_API_CLIENT.clientId}
  Client Secret  ${EMULATOR_SP_API_CLIENT.clientSecret}
  Refresh Token  ${EMULATOR_SP_API_CLIENT.refreshToken}

Press Ctrl-C to stop.`);
	process.on('SIGINT', () => void emulator.close().then(() => process.exit(0)));
}

void main();
